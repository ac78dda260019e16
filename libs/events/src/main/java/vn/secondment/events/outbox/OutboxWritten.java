package vn.secondment.events.outbox;

/** Fired when an event is written to the outbox; observed after commit to relay it at once. */
public record OutboxWritten() {
}
