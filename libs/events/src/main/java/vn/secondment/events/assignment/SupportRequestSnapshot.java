package vn.secondment.events.assignment;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import vn.secondment.events.readmodel.Snapshot;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Payload of every support request event, schema version 1: a province's request to a ministry for support (đề nghị
 * hỗ trợ) after the change. The contact person's details stay in assignment-service (personal data).
 *
 * @param requestId     the request
 * @param provinceCode  the requesting province (2-digit code)
 * @param ministryCode  the ministry asked, e.g. {@code BNV}
 * @param topic         what the province asks support for
 * @param communeCodes  the communes concerned (5-digit codes); empty when the whole province
 * @param urgency       {@code NORMAL} or {@code URGENT}
 * @param wishedStart   the first day the province wishes support from; null when it does not say
 * @param wishedEnd     the last day it wishes support until; null when it does not say
 * @param status        {@code OPEN}, {@code ACCEPTED}, {@code DECLINED} or {@code WITHDRAWN}
 * @param lastMessageBy for a message: who wrote it, {@code PROVINCE} or {@code MINISTRY}; null otherwise
 * @param reason        for a decline or a withdrawal: why; null otherwise
 * @param deploymentId  once accepted: the {@code PROVINCE_REQUEST} deployment that answers it
 * @param filedAt       when the province filed it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SupportRequestSnapshot(UUID requestId, String provinceCode, String ministryCode, String topic,
                                     List<String> communeCodes, String urgency, LocalDate wishedStart,
                                     LocalDate wishedEnd, String status, String lastMessageBy, String reason,
                                     UUID deploymentId, Instant filedAt) implements Snapshot {

    @Override
    public UUID recordId() {
        return requestId;
    }

    @Override
    public List<String> missingFields() {
        return Snapshot.nullsAmong("requestId", requestId, "provinceCode", provinceCode, "ministryCode",
                ministryCode, "status", status, "filedAt", filedAt);
    }
}
