package vn.secondment.report.service;

import vn.secondment.reference.AdministrativeUnits;
import vn.secondment.report.rest.IssueActionRequests;
import vn.secondment.rest.Formats;
import vn.secondment.rest.Text;
import vn.secondment.rest.problem.Problem;
import vn.secondment.rest.problem.ProblemException;
import vn.secondment.rest.problem.ProblemType;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

/** The checks of user-written fields that visits, issues and the handbook share. */
final class Fields {

    /** A document number anywhere in a citation: "Công văn 4567/BNV-CQĐP", "Thông tư 18/2025/TT-BTC". */
    static final Pattern DOCUMENT_NUMBER = Pattern.compile(Formats.DECISION);
    static final Pattern COMMUNE_CODE = Pattern.compile(Formats.COMMUNE_CODE);
    static final Pattern MINISTRY_CODE = Pattern.compile(Formats.MINISTRY_CODE);

    private Fields() {
    }

    /**
     * NFC text of at most {@code max} characters, null when blank; a missing required text or a too long one is a
     * violation of {@code field}.
     */
    static String text(String field, String value, int max, boolean required, List<Problem.Violation> violations) {
        String normal;
        try {
            normal = Text.nfc(field, value);
        } catch (ProblemException e) {
            violations.addAll(e.violations());
            return null;
        }
        if (normal == null || normal.isEmpty()) {
            if (required) {
                violations.add(new Problem.Violation(field, "must not be blank"));
            }
            return null;
        }
        if (normal.length() > max) {
            violations.add(new Problem.Violation(field, "must be at most " + max + " characters, not "
                    + normal.length()));
        }
        return normal;
    }

    /** A citation of guidance in force: bounded text that names a document number. */
    static String citation(String field, String value, boolean required, List<Problem.Violation> violations) {
        String text = text(field, value, IssueActionRequests.MAX_CITATION, required, violations);
        if (text != null && !DOCUMENT_NUMBER.matcher(text).find()) {
            violations.add(new Problem.Violation(field, "must cite a document by its number, e.g. "
                    + "\"Công văn 4567/BNV-CQĐP\""));
        }
        return text;
    }

    /** Refuses (400) when a field broke a rule. */
    static void requireValid(String what, List<Problem.Violation> violations) {
        if (!violations.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, what + " is not valid", violations);
        }
    }

    /**
     * Refuses (422) a commune that is unknown or not of {@code provinceCode} on {@code on}, naming both provinces:
     * "Phường Dĩ An (25942) belongs to Thành phố Hồ Chí Minh (79), not to Tỉnh Đồng Nai (75)".
     */
    static void requireCommuneIn(AdministrativeUnits units, String field, String communeCode, String provinceCode,
                                 LocalDate on) {
        try {
            units.requireCommuneIn(field, communeCode, provinceCode,
                    on.isBefore(AdministrativeUnits.FIRST_DAY) ? AdministrativeUnits.FIRST_DAY : on);
        } catch (ProblemException e) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, e.violations().isEmpty() ? e.getMessage()
                    : e.violations().get(0).message(), e.violations());
        }
    }
}
