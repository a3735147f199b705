package io.directiverules.core.model;

import java.time.LocalDate;
import java.util.List;

/**
 * An official (civil servant or employee) of a unit.
 *
 * @param id unique id
 * @param fullName the official's name (personal data: never logged)
 * @param unitId the unit the official belongs to
 * @param position free-text position title
 * @param positionGroup rotation group, matched to {@code rotation.periodYears.<group>}
 * @param rotationBound whether the position is subject to periodic rotation
 * @param positionSince when the current position began
 * @param annualDeclarant whether the official must declare assets annually
 * @param declarablePosition whether the position requires a first-time declaration
 * @param leader head or deputy head
 * @param retirementDate planned retirement date, or {@code null}
 * @param postponements rotation postponements
 */
public record Official(@Required String id, @Required String fullName, @Required String unitId, String position,
                       String positionGroup, boolean rotationBound, LocalDate positionSince, boolean annualDeclarant,
                       boolean declarablePosition, boolean leader, LocalDate retirementDate,
                       List<Postponement> postponements) implements Identified {

    /** Normalizes an absent postponement list to an empty one. */
    public Official {
        postponements = Lists.copy(postponements);
    }
}
