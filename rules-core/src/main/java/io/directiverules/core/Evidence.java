package io.directiverules.core;

/**
 * A fact a violation was matched on.
 *
 * @param type the fact type ({@code Official}, {@code Plan}, ...)
 * @param id the fact's id, or a key built from its fields for facts without one
 */
public record Evidence(String type, String id) implements Comparable<Evidence> {

    @Override
    public int compareTo(Evidence other) {
        int byType = type.compareTo(other.type);
        return byType != 0 ? byType : id.compareTo(other.id);
    }
}
