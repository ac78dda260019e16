package vn.secondment.personnel.service;

import vn.secondment.personnel.Gender;
import vn.secondment.personnel.OrgUnit;
import vn.secondment.personnel.StaffCategory;
import vn.secondment.personnel.rest.OfficialRequest;
import vn.secondment.rest.Text;
import vn.secondment.rest.problem.Problem;
import vn.secondment.rest.problem.ProblemException;
import vn.secondment.tabular.Row;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one annex row into an official request, collecting a message per unreadable cell instead of stopping at the
 * first. Accepts what people type in Excel: "Nam"/"Nữ", "công chức"/"viên chức", dates as 17/05/1980 or
 * 1980-05-17, a unit by code or by name, fields of expertise separated by ";".
 */
final class AnnexRowParser {

    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("d-M-uuuu").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("d.M.uuuu").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ISO_LOCAL_DATE);

    private final String ministry;
    private final Map<AnnexColumn, Integer> positions;
    private final Map<AnnexColumn, String> headers;
    private final Map<String, OrgUnit> unitsByKey;
    private final Map<AssignmentColumn, Integer> placementPositions = new EnumMap<>(AssignmentColumn.class);
    private final Map<AssignmentColumn, String> placementHeaders = new EnumMap<>(AssignmentColumn.class);

    /**
     * @param header     the header row of the file
     * @param unitsByKey the ministry's units by code and by folded name
     */
    AnnexRowParser(String ministry, Row header, Map<String, OrgUnit> unitsByKey) {
        this.ministry = ministry;
        this.unitsByKey = unitsByKey;
        this.positions = new EnumMap<>(AnnexColumn.class);
        this.headers = new EnumMap<>(AnnexColumn.class);
        for (int i = 0; i < header.cells().size(); i++) {
            int index = i;
            String text = header.cell(i);
            AnnexColumn.ofHeader(text).filter(c -> !positions.containsKey(c)).ifPresent(column -> {
                positions.put(column, index);
                headers.put(column, text);
            });
            AssignmentColumn.ofHeader(text).filter(c -> !placementPositions.containsKey(c)).ifPresent(column -> {
                placementPositions.put(column, index);
                placementHeaders.put(column, text);
            });
        }
    }

    /** Whether the file has the column (province, role) that an import into a deployment reads. */
    boolean has(AssignmentColumn column) {
        return placementPositions.containsKey(column);
    }

    /** The cell of a row in a province or role column, NFC and trimmed; empty when the column is absent. */
    String cell(Row row, AssignmentColumn column, List<Problem.Violation> errors) {
        String raw = placementPositions.containsKey(column) ? row.cell(placementPositions.get(column)) : "";
        try {
            String text = Text.nfc(column.field(), raw);
            return text == null ? "" : text;
        } catch (ProblemException invalidUnicode) {
            errors.add(error(row, column, "contains invalid Unicode characters"));
            return "";
        }
    }

    Problem.Violation error(Row row, AssignmentColumn column, String message) {
        return new Problem.Violation(column.field(), message, row.number(),
                placementHeaders.getOrDefault(column, column.header()));
    }

    /** The header as written in the file, for error messages; the standard header when the column is absent. */
    String headerOf(AnnexColumn column) {
        return headers.getOrDefault(column, column.header());
    }

    /** The request of a row; unreadable cells are added to {@code errors} and read as empty. */
    OfficialRequest parse(Row row, List<Problem.Violation> errors) {
        Map<AnnexColumn, String> text = new EnumMap<>(AnnexColumn.class);
        for (AnnexColumn column : AnnexColumn.values()) {
            String raw = positions.containsKey(column) ? row.cell(positions.get(column)) : "";
            try {
                text.put(column, Text.nfc(column.field(), raw));
            } catch (ProblemException invalidUnicode) {
                errors.add(error(row, column, "contains invalid Unicode characters"));
                text.put(column, "");
            }
        }
        return new OfficialRequest(
                orNull(text.get(AnnexColumn.FULL_NAME)),
                gender(row, text.get(AnnexColumn.GENDER), errors),
                date(row, text.get(AnnexColumn.DATE_OF_BIRTH), errors),
                ministry,
                unit(row, text.get(AnnexColumn.UNIT), errors),
                orNull(text.get(AnnexColumn.POSITION)),
                orNull(text.get(AnnexColumn.GRADE)),
                category(row, text.get(AnnexColumn.CATEGORY), errors),
                orNull(text.get(AnnexColumn.EMAIL)),
                orNull(phone(text.get(AnnexColumn.PHONE))),
                expertise(text.get(AnnexColumn.EXPERTISE)));
    }

    Problem.Violation error(Row row, AnnexColumn column, String message) {
        return new Problem.Violation(column.field(), message, row.number(), headerOf(column));
    }

    private Gender gender(Row row, String value, List<Problem.Violation> errors) {
        return switch (Text.fold(value)) {
            case "" -> null;
            case "nam", "male", "m" -> Gender.MALE;
            case "nu", "female", "f" -> Gender.FEMALE;
            default -> {
                errors.add(error(row, AnnexColumn.GENDER, "must be Nam or Nữ"));
                yield null;
            }
        };
    }

    private StaffCategory category(Row row, String value, List<Problem.Violation> errors) {
        return switch (Text.fold(value).replace('_', ' ')) {
            case "" -> null;
            case "cong chuc", "civil servant" -> StaffCategory.CIVIL_SERVANT;
            case "vien chuc", "public employee" -> StaffCategory.PUBLIC_EMPLOYEE;
            default -> {
                errors.add(error(row, AnnexColumn.CATEGORY, "must be công chức or viên chức"));
                yield null;
            }
        };
    }

    private LocalDate date(Row row, String value, List<Problem.Violation> errors) {
        if (value.isEmpty()) {
            return null;
        }
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(value, format);
            } catch (DateTimeParseException next) {
                // try the next way of writing a date
            }
        }
        errors.add(error(row, AnnexColumn.DATE_OF_BIRTH, "must be a date such as 17/05/1980"));
        return null;
    }

    private java.util.UUID unit(Row row, String value, List<Problem.Violation> errors) {
        if (value.isEmpty()) {
            return null;
        }
        OrgUnit unit = unitsByKey.get(value);
        if (unit == null) {
            unit = unitsByKey.get(Text.fold(value));
        }
        if (unit == null || !unit.active) {
            errors.add(error(row, AnnexColumn.UNIT, "is not a unit code or name of " + ministry));
            return null;
        }
        return unit.id;
    }

    private static List<String> expertise(String value) {
        if (value.isEmpty()) {
            return List.of();
        }
        List<String> fields = new ArrayList<>();
        Arrays.stream(value.split("[;\\n]")).map(String::strip).filter(s -> !s.isEmpty()).forEach(fields::add);
        return fields;
    }

    /**
     * A phone as Excel users keep it: "'+84 912 345 678". The apostrophe that stops Excel from reading the number
     * as a formula (and that the CSV export writes for the same reason) is not part of the number.
     */
    private static String phone(String value) {
        return value.startsWith("'") ? value.substring(1).strip() : value;
    }

    private static String orNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
