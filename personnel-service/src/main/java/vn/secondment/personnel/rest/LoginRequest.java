package vn.secondment.personnel.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Which login an official is given.
 *
 * @param kind OFFICER (the default): a seconded official, realm role officer with the ministry claim; UNIT: the
 *             user of the official's unit (Vụ, Cục) who answers escalated issues, realm role ministry-unit with the
 *             ministry and the unit's code
 */
@Schema(name = "LoginRequest")
public record LoginRequest(@Schema(nullable = true, defaultValue = "OFFICER") Kind kind) {

    /** Named apart from Ministry's own Kind, which keeps its schema name. */
    @Schema(name = "LoginKind", description = "OFFICER: realm role officer; UNIT: ministry-unit with the unit's code")
    public enum Kind {
        OFFICER, UNIT
    }

    public Kind kindOrDefault() {
        return kind == null ? Kind.OFFICER : kind;
    }
}
