package vn.secondment.report.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;

/**
 * The body of an action that had none (draft, submission): optionally, when it happened, for a coordinator or
 * ministry admin recording it after the fact on behalf of the official. No body, or no occurredAt: done now.
 *
 * @param occurredAt when it happened; absent for an action done now
 */
public record OccurredAt(@Schema(description = OccurredAt.DESCRIPTION, examples = OccurredAt.EXAMPLE)
                         OffsetDateTime occurredAt) {

    public static final String DESCRIPTION = "Only to record what already happened: when it happened (with its "
            + "offset). A coordinator or ministry admin of the ministry, or a platform admin, may send it (403 for "
            + "others, an official's own actions take the time they are made); not in the future, not before the "
            + "record could exist, not more than secondment.after-the-fact.max-age (P2Y) back (400 on occurredAt). "
            + "The record then shows enteredAfterTheFact (who entered it, when) and nobody is notified of it.";
    public static final String EXAMPLE = "2025-09-12T16:30:00+07:00";
    public static final String BODY_EXAMPLE = "{\"occurredAt\": \"" + EXAMPLE + "\"}";
}
