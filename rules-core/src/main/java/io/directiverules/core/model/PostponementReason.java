package io.directiverules.core.model;

/** The reasons of Dec59 Art. 39 for postponing an official's rotation. */
public enum PostponementReason {
    DISCIPLINARY_REVIEW, UNDER_INVESTIGATION, SERIOUS_ILLNESS, FULL_TIME_STUDY, SECONDMENT, MATERNITY, SOLE_CARER
}
