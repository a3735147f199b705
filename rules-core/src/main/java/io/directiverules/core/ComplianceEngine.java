package io.directiverules.core;

import io.directiverules.core.internal.FolderActions;
import io.directiverules.core.internal.LogicalInserts;
import io.directiverules.core.internal.MessageCatalog;
import io.directiverules.core.internal.PartitionedEvaluator;
import io.directiverules.core.internal.RuleSetCompiler;
import io.directiverules.core.internal.RuleSetRuntime;
import io.directiverules.core.io.ParametersReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.stream.Stream;

/**
 * Judges facts against a rule set. Built once (the DRL is compiled then), it is thread-safe and serves
 * any number of concurrent {@link #evaluate} calls, each in a session of its own.
 *
 * <pre>{@code
 * ComplianceEngine engine = ComplianceEngine.builder().discoverModules().build();
 * ComplianceReport report = engine.evaluate(facts, LocalDate.of(2024, 12, 31));
 * }</pre>
 */
public final class ComplianceEngine {
    private final RuleSetRuntime runtime;
    private final PartitionedEvaluator partitioned;
    private final Compilation compilation;
    private volatile org.kie.api.KieBase logicalBase;
    private final List<RuleInfo> rules;
    private final List<Diagnostic> warnings;
    private final List<RuleModule> modules;
    private final Map<String, Actor> actionCodes;

    /** What compiling the rule set again for a long-lived session needs. */
    private record Compilation(List<RuleSource> sources, Map<String, Actor> actionCodes, java.util.Set<String> helpers,
                               long maxFirings) {
    }

    private ComplianceEngine(RuleSetRuntime runtime, int parallelism, int partitionOfficials, Compilation compilation,
                             List<RuleInfo> rules, List<Diagnostic> warnings, List<RuleModule> modules,
                             Map<String, Actor> actionCodes) {
        this.runtime = runtime;
        this.partitioned = parallelism > 1 ? new PartitionedEvaluator(runtime, parallelism, partitionOfficials)
                : null;
        this.compilation = compilation;
        this.rules = List.copyOf(rules);
        this.warnings = List.copyOf(warnings);
        this.modules = List.copyOf(modules);
        this.actionCodes = Map.copyOf(actionCodes);
    }

    /** A builder for an engine. */
    public static Builder builder() {
        return new Builder();
    }

    /** Evaluates {@code facts} on {@code asOf}, with messages in English. */
    public ComplianceReport evaluate(Facts facts, LocalDate asOf) {
        return evaluate(facts, asOf, Language.EN);
    }

    /**
     * Evaluates {@code facts} on {@code asOf}, with messages in {@code language}. With
     * {@link Builder#parallelism(int)} above 1, the facts are evaluated per top-level unit subtree in parallel
     * and merged into the same report (see {@link Builder#parallelism(int)}).
     *
     * @throws InvalidInputException when the facts do not fit the parameters (an unknown personnel department)
     * @throws EvaluationException when a rule fails or runs away; no report is produced
     */
    public ComplianceReport evaluate(Facts facts, LocalDate asOf, Language language) {
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(language, "language");
        return partitioned != null ? partitioned.evaluate(facts, asOf, language)
                : runtime.evaluate(facts, asOf, language);
    }

    /**
     * Opens a long-lived session over {@code facts} on {@code asOf}, for hosts that change facts one at a time
     * and read the violations after each change (see {@link IncrementalSession}). The first session of an
     * engine compiles the rule set once more, in the form the session needs (a few seconds); opening a session
     * costs about one evaluation of the facts.
     *
     * @throws InvalidInputException when the facts do not fit the parameters
     */
    public IncrementalSession openSession(Facts facts, LocalDate asOf, Language language) {
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(asOf, "asOf");
        org.kie.api.KieBase base = logicalBase;
        if (base == null) {
            synchronized (this) {
                if (logicalBase == null) {
                    logicalBase = RuleSetCompiler.compile(LogicalInserts.rewrite(compilation.sources()),
                            compilation.actionCodes(), compilation.helpers()).kieBase();
                }
                base = logicalBase;
            }
        }
        return new IncrementalSession(runtime, base, facts, asOf, language, compilation.maxFirings());
    }

    /** The loaded modules' names and versions, and the fingerprint of rules and parameters. */
    public RuleSetInfo ruleSet() {
        return runtime.ruleSet();
    }

    /** Every loaded rule, in file and line order. */
    public List<RuleInfo> rules() {
        return rules;
    }

    /** Warnings the compiler gave (the rule set loaded despite them). */
    public List<Diagnostic> warnings() {
        return warnings;
    }

    /** The resolved parameters. */
    public Parameters parameters() {
        return runtime.parameters();
    }

    /** The loaded modules. */
    public List<RuleModule> modules() {
        return modules;
    }

    /** Every action code the loaded modules define, with its actor. */
    public Map<String, Actor> actionCodes() {
        return actionCodes;
    }

    /** The message template of {@code key} in {@code language}, if the rule set has one. */
    public java.util.Optional<String> message(Language language, String key) {
        return runtime.messages().template(language, key);
    }

    /** The first bundled sample of the loaded modules, if any has one. */
    public java.util.Optional<RuleModule.Sample> sample() {
        return modules.stream().map(RuleModule::sample).flatMap(java.util.Optional::stream).findFirst();
    }

    /** The compiled Drools KieBase, for a host that deliberately works with Drools itself. */
    public org.kie.api.KieBase kieBase() {
        return runtime.kieBase();
    }

    /** Collects modules, rule folders and parameter overrides; {@link #build()} compiles once. */
    public static final class Builder {
        private static final long DEFAULT_MAX_FIRINGS = 5_000_000L;
        private static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(60);

        private final List<RuleModule> modules = new ArrayList<>();
        private final List<Path> ruleFolders = new ArrayList<>();
        private final Map<String, Object> overrides = new LinkedHashMap<>();
        private final List<Path> parameterFiles = new ArrayList<>();
        private final List<Map.Entry<com.fasterxml.jackson.databind.JsonNode, String>> parameterDocuments =
                new ArrayList<>();
        private long maxFirings = DEFAULT_MAX_FIRINGS;
        private Duration timeLimit = DEFAULT_TIME_LIMIT;
        private int parallelism = 1;
        private int partitionOfficials = PartitionedEvaluator.DEFAULT_PARTITION_OFFICIALS;

        private Builder() {
        }

        /**
         * Evaluates large fact sets on up to {@code threads} threads (default 1: one session). The facts are
         * split by top-level unit subtree (the children of the ministry), a large one further among its child
         * subtrees ({@link #partitionSize(int)}); each part is evaluated with the ministry's own facts (and its
         * top-level unit's, when split) and the asset control agency's verification plans, and the parts are
         * merged into the report one session gives: the same violations, actions, ids and order. Facts that tie two
         * subtrees together (a task assigned across subtrees, a top-level division) and rules that group
         * violations of several subtrees in one action are detected, and then the facts are evaluated in one
         * session. {@code Runtime.getRuntime().availableProcessors()} is a good value for a national set. The
         * time limit applies to each part. Above 1, the report's messages are also written on the common
         * fork-join pool.
         */
        public Builder parallelism(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("parallelism must be positive: " + threads);
            }
            this.parallelism = threads;
            return this;
        }

        /**
         * With {@link #parallelism(int)} above 1: a top-level subtree of more than {@code officials} officials
         * is split further, its child subtrees grouped into partitions of about that many officials, each with
         * the top-level unit's own facts (default 5,000, about 25,000 facts of a generated ministry). Smaller
         * partitions keep less in memory at once; each costs a session and a copy of the shared facts. The
         * report does not depend on it.
         */
        public Builder partitionSize(int officials) {
            if (officials < 1) {
                throw new IllegalArgumentException("partition size must be positive: " + officials);
            }
            this.partitionOfficials = officials;
            return this;
        }

        /** A builder with the same modules, folders, overrides and limits, independent of this one. */
        Builder copy() {
            Builder copy = new Builder();
            copy.modules.addAll(modules);
            copy.ruleFolders.addAll(ruleFolders);
            copy.overrides.putAll(overrides);
            copy.parameterFiles.addAll(parameterFiles);
            copy.parameterDocuments.addAll(parameterDocuments);
            copy.maxFirings = maxFirings;
            copy.timeLimit = timeLimit;
            copy.parallelism = parallelism;
            copy.partitionOfficials = partitionOfficials;
            return copy;
        }

        /** The rule folders added so far. */
        List<Path> ruleFolders() {
            return List.copyOf(ruleFolders);
        }

        /** Adds a rule module. */
        public Builder module(RuleModule module) {
            modules.add(Objects.requireNonNull(module, "module"));
            return this;
        }

        /** Adds every rule module on the class path ({@code META-INF/services/io.directiverules.core.RuleModule}). */
        public Builder discoverModules() {
            ServiceLoader.load(RuleModule.class).stream().map(ServiceLoader.Provider::get)
                    .filter(found -> modules.stream().noneMatch(m -> m.name().equals(found.name())))
                    .forEach(modules::add);
            return this;
        }

        /**
         * Adds a folder of DRL files (searched recursively): each file is added to the modules' rules, and one
         * with the same file name as a bundled file replaces it. Message files in the folder
         * ({@code *_en.properties}, {@code *_vi.properties}) add or replace messages, and an
         * {@code actions.yaml} ({@code CODE: ACTOR} lines) adds action codes to the catalogue. The rule set's
         * fingerprint covers every one of these files.
         */
        public Builder ruleFolder(Path folder) {
            ruleFolders.add(Objects.requireNonNull(folder, "folder"));
            return this;
        }

        /** Overrides a parameter on every day. */
        public Builder parameter(String key, Object value) {
            overrides.put(key, value);
            return this;
        }

        /** Reads parameter overrides from a YAML or JSON file. */
        public Builder parameters(Path file) {
            parameterFiles.add(file);
            return this;
        }

        /**
         * Reads parameter overrides from a parsed document (a map of keys to values or dated values), such
         * as a scenario's {@code parameters}; {@code source} names it in errors.
         */
        public Builder parameters(com.fasterxml.jackson.databind.JsonNode overrides, String source) {
            parameterDocuments.add(Map.entry(overrides, source));
            return this;
        }

        /** The most rule firings one evaluation may take before it is stopped as a run-away. */
        public Builder maxFirings(long limit) {
            if (limit < 1) {
                throw new IllegalArgumentException("maxFirings must be positive: " + limit);
            }
            this.maxFirings = limit;
            return this;
        }

        /**
         * The longest one evaluation may run before it is stopped as a run-away (default 60 seconds); the
         * host's thread is handed back then with an {@link EvaluationException}.
         */
        public Builder timeLimit(Duration limit) {
            Objects.requireNonNull(limit, "limit");
            if (limit.isNegative() || limit.isZero()) {
                throw new IllegalArgumentException("timeLimit must be positive: " + limit);
            }
            this.timeLimit = limit;
            return this;
        }

        /**
         * Compiles the rules and resolves the parameters.
         *
         * @throws RuleLoadException when the rules do not compile or fail the load checks
         * @throws InvalidInputException when a parameter override is unknown, mistyped or out of range
         */
        public ComplianceEngine build() {
            if (modules.isEmpty() && ruleFolders.isEmpty()) {
                throw new IllegalStateException("no rule module: add one with module(...) or discoverModules()");
            }
            Map<String, RuleSource> sources = new LinkedHashMap<>();
            List<ParameterDefinition> definitions = new ArrayList<>();
            MessageCatalog messages = new MessageCatalog();
            Map<String, Actor> actionCodes = new LinkedHashMap<>();
            for (RuleModule module : modules) {
                module.rules().forEach(source -> sources.put(source.fileName(), source));
                definitions.addAll(module.parameters());
                module.messageBundles().forEach(bundle -> messages.addBundle(module.getClass().getClassLoader(), bundle));
                actionCodes.putAll(module.actionCodes());
            }
            List<RuleSource> folderFiles = new ArrayList<>();
            List<Diagnostic> folderErrors = new ArrayList<>();
            for (Path folder : ruleFolders) {
                addFolder(folder, sources, messages, folderFiles);
            }
            for (RuleSource file : folderFiles) {
                if (file.fileName().equals(FolderActions.FILE_NAME)) {
                    FolderActions.read(file, actionCodes, folderErrors);
                }
            }
            Parameters.Builder parameters = Parameters.builder(definitions);
            for (Path file : parameterFiles) {
                ParametersReader.readOverrides(file, parameters);
            }
            parameterDocuments.forEach(d -> ParametersReader.readOverrides(d.getKey(), d.getValue(), parameters));
            overrides.forEach(parameters::set);
            Parameters resolved = parameters.build();

            List<RuleSource> ruleSources = List.copyOf(sources.values());
            RuleSetCompiler.CompiledRuleSet compiled;
            java.util.Set<String> helpers = new java.util.HashSet<>();
            try {
                modules.forEach(m -> m.ruleHelpers().forEach(helper -> helpers.add(helper.getName())));
                compiled = RuleSetCompiler.compile(ruleSources, actionCodes, helpers);
            } catch (RuleLoadException e) {
                List<Diagnostic> all = new ArrayList<>(folderErrors);
                all.addAll(e.diagnostics());
                throw new RuleLoadException(all);
            }
            if (!folderErrors.isEmpty()) {
                List<Diagnostic> all = new ArrayList<>(folderErrors);
                all.addAll(compiled.warnings());
                throw new RuleLoadException(all);
            }
            List<ModuleInfo> moduleInfos = modules.stream().map(m -> new ModuleInfo(m.name(), m.version())).toList();
            RuleSetInfo info = new RuleSetInfo(moduleInfos, fingerprint(moduleInfos, ruleSources, folderFiles,
                    resolved));
            List<RuleInfo> rules = compiled.rules().stream().map(r -> r.ruleId() == null ? r
                    : new RuleInfo(r.ruleId(), r.name(), r.severity(),
                    messages.template(Language.EN, r.ruleId() + ".title").orElse(r.name()), r.legalBasis(),
                    r.file(), r.line())).toList();
            RuleSetRuntime runtime = new RuleSetRuntime(compiled.kieBase(), resolved, messages, info,
                    new RuleSetRuntime.Limits(maxFirings, timeLimit), actionCodes);
            return new ComplianceEngine(runtime, parallelism, partitionOfficials, new Compilation(ruleSources, Map.copyOf(actionCodes),
                    java.util.Set.copyOf(helpers), maxFirings), rules, compiled.warnings(), modules, actionCodes);
        }

        private static void addFolder(Path folder, Map<String, RuleSource> sources, MessageCatalog messages,
                                      List<RuleSource> folderFiles) {
            if (!Files.isDirectory(folder)) {
                throw new InvalidInputException(List.of(new InputError(folder.toString(), "rules", null,
                        "not a folder of DRL files")));
            }
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    String name = file.getFileName().toString();
                    if (name.endsWith(".drl")) {
                        RuleSource source = RuleSource.file(file);
                        sources.remove(source.fileName());
                        sources.put(source.fileName(), source);
                    } else if (name.matches(".*_(en|vi)\\.properties")) {
                        RuleSource text = RuleSource.file(file);
                        folderFiles.add(text);
                        messages.add(Language.of(name.substring(name.length() - 13, name.length() - 11)),
                                new java.io.ByteArrayInputStream(text.content().getBytes(StandardCharsets.UTF_8)));
                    } else if (name.equals(FolderActions.FILE_NAME)) {
                        folderFiles.add(RuleSource.file(file));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read rule folder " + folder, e);
            }
        }

        /**
         * A hash of everything that decides a report: modules, DRL, parameters, and the message and action files
         * of rule folders (added only when there are some, so a rule set without folders keeps its fingerprint).
         */
        private static String fingerprint(List<ModuleInfo> modules, List<RuleSource> sources,
                                          List<RuleSource> folderFiles, Parameters parameters) {
            try {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                modules.forEach(m -> digest.update((m.name() + "@" + m.version() + "\n")
                        .getBytes(StandardCharsets.UTF_8)));
                for (RuleSource source : sources) {
                    digest.update((source.fileName() + "\n").getBytes(StandardCharsets.UTF_8));
                    digest.update(source.content().getBytes(StandardCharsets.UTF_8));
                }
                digest.update(parameters.canonicalText().getBytes(StandardCharsets.UTF_8));
                for (RuleSource file : folderFiles) {
                    digest.update(("\n" + file.fileName() + "\n").getBytes(StandardCharsets.UTF_8));
                    digest.update(file.content().getBytes(StandardCharsets.UTF_8));
                }
                return "sha256:" + HexFormat.of().formatHex(digest.digest());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every JDK", e);
            }
        }
    }
}
