package io.directiverules.core.model;

import java.time.LocalDate;
import java.util.List;

/**
 * A session disseminating legal documents within a unit.
 *
 * @param id unique id
 * @param unitId the unit that held it
 * @param heldOn when it was held
 * @param documents documents covered
 * @param participants number of participants, or {@code null}
 */
public record Dissemination(@Required String id, @Required String unitId, @Required LocalDate heldOn,
                            @Required List<LegalDocument> documents, Integer participants) implements Identified {

    /** Normalizes an absent list to an empty one. */
    public Dissemination {
        documents = documents == null ? null : Lists.copy(documents);
    }
}
