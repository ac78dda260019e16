package vn.secondment.assignment.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import vn.secondment.assignment.SupportRequest;
import vn.secondment.rest.Formats;

import java.time.LocalDate;
import java.util.List;

/**
 * A province's request for support, as its liaison files it.
 *
 * @param provinceCode the requesting province; defaults to the liaison's own (a platform admin filing on a
 *                     province's behalf names it)
 * @param ministryCode the ministry asked
 * @param topic        what the province asks support for, in a line
 * @param details      the situation and what is wished, in full
 * @param communeCodes the communes concerned, of that province (empty: the whole province)
 * @param urgency      NORMAL (default) or URGENT
 * @param contact      the province's contact person for the request
 * @param wishedStart  the first day support is wished from (optional)
 * @param wishedEnd    the last day support is wished until (optional)
 */
public record SupportRequestRequest(
        @Pattern(regexp = Formats.PROVINCE_CODE, message = Formats.PROVINCE_CODE_MESSAGE) String provinceCode,
        @NotNull @Pattern(regexp = Formats.MINISTRY_CODE, message = Formats.MINISTRY_CODE_MESSAGE) String ministryCode,
        @NotBlank @Size(max = 300) String topic,
        @Size(max = 4000) String details,
        @Size(max = 200) List<@NotNull @Pattern(regexp = Formats.COMMUNE_CODE,
                message = Formats.COMMUNE_CODE_MESSAGE) String> communeCodes,
        SupportRequest.Urgency urgency,
        @NotNull @Valid Contact contact,
        LocalDate wishedStart,
        LocalDate wishedEnd) {

    /** The contact person at the province (Sở Nội vụ), with a phone or an e-mail to reach them. */
    public record Contact(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 200) String title,
            @Pattern(regexp = "\\+?[0-9 .-]{8,20}", message = "must be a phone number such as 0222 3822 456")
            String phone,
            @Email @Size(max = 254) String email) {
    }
}
