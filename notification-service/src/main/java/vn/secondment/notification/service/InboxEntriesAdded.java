package vn.secondment.notification.service;

import vn.secondment.notification.InboxEntry;

import java.util.List;

/**
 * Fired by {@link InboxService#receive} for the entries one event made; observed after the commit only
 * ({@code TransactionPhase.AFTER_SUCCESS}), so a live stream never shows an entry that was rolled back.
 */
public record InboxEntriesAdded(List<InboxEntry> entries) {
}
