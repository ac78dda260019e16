package vn.secondment.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;

/**
 * Marks a fact that was entered after it happened (a ministry recording a round it already ran): the fact's own
 * dates say when it happened, this says who entered it and when. Consumers use it to tell the record of the past
 * from what happens now: nobody is reminded or notified of a deadline that had passed before it was entered.
 *
 * @param enteredBy who entered it (the coordinator's or ministry admin's user name)
 * @param enteredAt when it was entered
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AfterTheFact(String enteredBy, Instant enteredAt) {
}
