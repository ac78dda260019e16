package vn.secondment.assignment.rest;

import vn.secondment.assignment.RevisionChange;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One dated version of a deployment or an assignment.
 *
 * @param effectiveFrom the day it took effect (the amending decision's date, an arrival...)
 * @param recordedAt    when it was entered
 */
public record RevisionView(RevisionChange change, LocalDate effectiveFrom, Instant recordedAt, String recordedBy,
                           String status, LocalDate startDate, LocalDate endDate, String reason,
                           String decisionNumber, LocalDate decisionDate) {
}
