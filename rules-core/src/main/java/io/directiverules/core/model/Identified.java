package io.directiverules.core.model;

/** A fact with its own id, cited as evidence by that id. */
public interface Identified {
    /** The fact's id, unique within its list. */
    String id();
}
