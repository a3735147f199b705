package io.directiverules.testkit.generate;

/**
 * Receives generated facts list by list, in the order of a facts document (facts-format.md): {@code units},
 * {@code officials}, ... {@code reports}. Each list is begun, filled and ended before the next one begins.
 */
public interface FactSink {

    /** A list of facts begins; {@code list} is its name in the facts document. */
    void begin(String list);

    /** One fact of the current list: a record of {@code io.directiverules.core.model}. */
    void fact(Object fact);

    /** The current list ends. */
    default void end(String list) {
    }
}
