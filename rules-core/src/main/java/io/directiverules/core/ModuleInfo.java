package io.directiverules.core;

/**
 * A rule module's name and version, as a report names it.
 *
 * @param name the module name
 * @param version the module version
 */
public record ModuleInfo(String name, String version) {
}
