package vn.secondment.notification.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(name = "DeadLetter", description = "A record the service could not process, with its replay state")
public record DeadLetterView(
        UUID id,
        @Schema(description = "Topic it was first read from", examples = "report.events") String topic,
        @Schema(examples = "0") int partition,
        @Schema(examples = "42") long offset,
        @Schema(description = "The record's key (the aggregate id)", examples = "0f8fad5b-d9cb-469f-a165-70867728950e")
        String key,
        @Schema(description = "The record's value as received", examples = "{not an envelope") String payload,
        @Schema(description = "Why it was dead-lettered",
                examples = "Not an event envelope: Unexpected character ('n' (code 110))") String error,
        Instant receivedAt,
        @Schema(nullable = true,
                description = "When a replay processed it; null while it has not been")
        Instant replayedAt,
        @Schema(nullable = true,
                description = "Why the last replay failed; null after a successful one")
        String replayError) {
}
