package vn.secondment.assignment.rest;

import vn.secondment.assignment.DeploymentStatus;
import vn.secondment.assignment.DeploymentType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A deployment. Asked "as of" a date, {@code startDate}, {@code endDate} and {@code status} are those in force on
 * that date and {@code asOf} names it; otherwise they are the current ones.
 *
 * @param revisions every dated version, oldest first (on a single read; absent in lists)
 */
public record DeploymentView(UUID id, String ministryCode, DeploymentType type, String name, DecisionRef decision,
                             LocalDate startDate, LocalDate endDate, DeploymentStatus status, LocalDate asOf,
                             List<String> provinceCodes, int officialsPerProvince, Map<String, Integer> provinceQuotas,
                             List<String> partnerMinistries, List<RevisionView> revisions, long version,
                             Instant createdAt, Instant updatedAt) {
}
