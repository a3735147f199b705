package io.directiverules.core;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * A {@link ComplianceEngine} whose rule folders can change while it serves. A reload compiles the folders
 * anew; a rule set that compiles and passes the lint replaces the one serving in one atomic step, and one
 * that fails leaves the previous rule set serving and reports its diagnostics to the listeners and the log.
 * Evaluations under way finish on the rule set they started with, and every report names exactly one rule
 * set by its fingerprint. Thread-safe.
 *
 * <pre>{@code
 * ReloadingComplianceEngine engine = ReloadingComplianceEngine.builder(
 *         ComplianceEngine.builder().discoverModules().ruleFolder(Path.of("rules")))
 *     .listener(outcome -> alerts.ruleReload(outcome))
 *     .watch()
 *     .build();
 * ComplianceReport report = engine.evaluate(facts, LocalDate.now());
 * }</pre>
 */
public final class ReloadingComplianceEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReloadingComplianceEngine.class);

    private final ComplianceEngine.Builder configuration;
    private final AtomicReference<ComplianceEngine> current;
    private final List<Listener> listeners;
    private final Object reloading = new Object();
    private final Watcher watcher;

    /**
     * What a reload did.
     *
     * @param loaded whether the new rule set replaced the one serving
     * @param serving the rule set serving after the reload
     * @param diagnostics why the reload failed (errors and warnings), or the warnings of the new rule set
     */
    public record Outcome(boolean loaded, RuleSetInfo serving, List<Diagnostic> diagnostics) {
        /** Copies the list. */
        public Outcome {
            Objects.requireNonNull(serving, "serving");
            diagnostics = List.copyOf(diagnostics);
        }
    }

    /** Told of every reload, from the thread that ran it. */
    @FunctionalInterface
    public interface Listener {
        /** A reload ended with {@code outcome}. */
        void reloaded(Outcome outcome);
    }

    private ReloadingComplianceEngine(ComplianceEngine.Builder configuration, List<Listener> listeners,
                                      Duration quietPeriod, boolean watch) {
        this.configuration = configuration;
        this.listeners = new CopyOnWriteArrayList<>(listeners);
        this.current = new AtomicReference<>(configuration.build());
        LOG.info("rule set loaded: {}", current.get().ruleSet().fingerprint());
        this.watcher = watch ? new Watcher(configuration.ruleFolders(), quietPeriod) : null;
    }

    /**
     * A builder over {@code configuration}: its modules, rule folders, parameters and limits. The
     * configuration is copied, so later changes to it do not reach the reloading engine.
     */
    public static Builder builder(ComplianceEngine.Builder configuration) {
        return new Builder(Objects.requireNonNull(configuration, "configuration").copy());
    }

    /** The rule set serving now; an evaluation on it is not affected by later reloads. */
    public ComplianceEngine current() {
        return current.get();
    }

    /** Evaluates on the rule set serving now, with messages in English. */
    public ComplianceReport evaluate(Facts facts, LocalDate asOf) {
        return current.get().evaluate(facts, asOf);
    }

    /** Evaluates on the rule set serving now. */
    public ComplianceReport evaluate(Facts facts, LocalDate asOf, Language language) {
        return current.get().evaluate(facts, asOf, language);
    }

    /** Adds a listener of reload outcomes. */
    public void addListener(Listener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Compiles the rule folders now and swaps the result in if it loads; otherwise keeps the rule set serving.
     * Reloads run one at a time.
     */
    public Outcome reload() {
        synchronized (reloading) {
            Outcome outcome;
            try {
                ComplianceEngine next = configuration.build();
                current.set(next);
                outcome = new Outcome(true, next.ruleSet(), next.warnings());
                LOG.info("rule set reloaded: {} ({} warnings)", next.ruleSet().fingerprint(), next.warnings().size());
            } catch (RuleLoadException e) {
                outcome = rejected(e.diagnostics());
            } catch (InvalidInputException e) {
                outcome = rejected(e.errors().stream().map(error -> new Diagnostic(
                        Objects.toString(error.source(), "<parameters>"), 0, 0, Diagnostic.Level.ERROR,
                        error.toString())).toList());
            } catch (RuntimeException e) {
                // A folder being rewritten can vanish under the reader: the next event reloads again.
                outcome = rejected(List.of(new Diagnostic("<rules>", 0, 0, Diagnostic.Level.ERROR,
                        "cannot load the rule folders: " + e.getMessage())));
            }
            for (Listener listener : listeners) {
                try {
                    listener.reloaded(outcome);
                } catch (RuntimeException e) {
                    LOG.warn("a reload listener failed: {}", e.toString());
                }
            }
            return outcome;
        }
    }

    private Outcome rejected(List<Diagnostic> diagnostics) {
        long errors = diagnostics.stream().filter(d -> d.level() == Diagnostic.Level.ERROR).count();
        LOG.warn("rule reload rejected with {} error(s); still serving {}", errors,
                current.get().ruleSet().fingerprint());
        diagnostics.stream().filter(d -> d.level() == Diagnostic.Level.ERROR).forEach(d -> LOG.warn("  {}", d));
        return new Outcome(false, current.get().ruleSet(), diagnostics);
    }

    /** Stops watching the folders; the engine still evaluates and can still be reloaded by hand. */
    @Override
    public void close() {
        if (watcher != null) {
            watcher.close();
        }
    }

    /** Configures a reloading engine. */
    public static final class Builder {
        private final ComplianceEngine.Builder configuration;
        private final List<Listener> listeners = new ArrayList<>();
        private Duration quietPeriod = Duration.ofMillis(300);
        private boolean watch;

        private Builder(ComplianceEngine.Builder configuration) {
            this.configuration = configuration;
        }

        /** Adds a listener of reload outcomes. */
        public Builder listener(Listener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /** Watches the rule folders and reloads when a file in them changes. */
        public Builder watch() {
            this.watch = true;
            return this;
        }

        /**
         * How long the folders must be quiet after a change before the watcher reloads (default 300 ms), so
         * that an editor's save or a copy of several files is loaded once, whole.
         */
        public Builder quietPeriod(Duration period) {
            Objects.requireNonNull(period, "period");
            if (period.isNegative()) {
                throw new IllegalArgumentException("quietPeriod must not be negative: " + period);
            }
            this.quietPeriod = period;
            return this;
        }

        /**
         * Loads the rule set and, with {@link #watch()}, starts watching.
         *
         * @throws RuleLoadException when the first rule set does not load: there is nothing to serve
         */
        public ReloadingComplianceEngine build() {
            return new ReloadingComplianceEngine(configuration, listeners, quietPeriod, watch);
        }
    }

    /** Watches the rule folders (and their subfolders) on a daemon thread and reloads after a quiet period. */
    private final class Watcher implements Runnable {
        private final WatchService service;
        private final Duration quietPeriod;
        private final Thread thread;

        Watcher(List<Path> folders, Duration quietPeriod) {
            this.quietPeriod = quietPeriod;
            try {
                this.service = FileSystems.getDefault().newWatchService();
                for (Path folder : folders) {
                    register(folder);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot watch the rule folders", e);
            }
            this.thread = new Thread(this, "directive-rules-reload");
            thread.setDaemon(true);
            thread.start();
        }

        private void register(Path folder) throws IOException {
            try (Stream<Path> tree = Files.walk(folder)) {
                for (Path dir : tree.filter(Files::isDirectory).toList()) {
                    dir.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
                            StandardWatchEventKinds.ENTRY_MODIFY);
                }
            }
        }

        @Override
        public void run() {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    WatchKey key = service.take();
                    drain(key);
                    // Wait for the folders to be quiet, so a multi-file edit is loaded once, whole.
                    for (WatchKey more = service.poll(quietPeriod.toMillis(), TimeUnit.MILLISECONDS); more != null;
                         more = service.poll(quietPeriod.toMillis(), TimeUnit.MILLISECONDS)) {
                        drain(more);
                    }
                    reload();
                }
            } catch (InterruptedException | ClosedWatchServiceException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void drain(WatchKey key) {
            for (var event : key.pollEvents()) {
                if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && key.watchable() instanceof Path dir
                        && event.context() instanceof Path name && Files.isDirectory(dir.resolve(name))) {
                    try {
                        register(dir.resolve(name));
                    } catch (IOException e) {
                        LOG.warn("cannot watch new rule folder: {}", e.toString());
                    }
                }
            }
            key.reset();
        }

        void close() {
            thread.interrupt();
            try {
                service.close();
            } catch (IOException e) {
                LOG.debug("closing the watch service failed: {}", e.toString());
            }
        }
    }
}
