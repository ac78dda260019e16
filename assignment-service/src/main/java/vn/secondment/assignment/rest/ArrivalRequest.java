package vn.secondment.assignment.rest;

import jakarta.validation.constraints.NotNull;

import java.time.LocalDate;

/** The official's arrival in the province, confirmed: the assignment becomes active from that day. */
public record ArrivalRequest(@NotNull LocalDate arrivedOn) {
}
