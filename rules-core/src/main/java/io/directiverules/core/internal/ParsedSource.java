package io.directiverules.core.internal;

import io.directiverules.core.RuleSource;
import org.drools.drl.ast.descr.PackageDescr;

/**
 * One DRL file after parsing: its source, its tokens and the parser's description of it.
 *
 * @param source the file
 * @param text its tokens and line index
 * @param descr what the Drools parser made of it
 */
record ParsedSource(RuleSource source, DrlText text, PackageDescr descr) {

    /** The file's path as diagnostics name it. */
    String path() {
        return source.path();
    }

    /** The DRL package, or the empty text for the default package. */
    String packageName() {
        return descr.getName() == null ? "" : descr.getName();
    }
}
