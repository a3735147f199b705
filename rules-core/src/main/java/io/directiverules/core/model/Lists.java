package io.directiverules.core.model;

import java.util.List;

/** Null-tolerant copies for record constructors: an absent list is an empty one. */
final class Lists {
    private Lists() {
    }

    static <T> List<T> copy(List<T> list) {
        if (list == null) {
            return List.of();
        }
        // List.copyOf refuses null elements; keep them so validation can report them by index. A stream looks
        // for them because contains(null) throws on an immutable list such as List.of(...).
        return list.stream().anyMatch(java.util.Objects::isNull)
                ? java.util.Collections.unmodifiableList(new java.util.ArrayList<>(list))
                : List.copyOf(list);
    }
}
