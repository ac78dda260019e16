package vn.secondment.reference;

import vn.secondment.tabular.Row;
import vn.secondment.tabular.Table;
import vn.secondment.tabular.TableFormat;
import vn.secondment.tabular.TableFormatException;
import vn.secondment.tabular.TableReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads the reference files into the version histories of every unit, refusing anything it cannot vouch for: a
 * malformed file stops the service at startup with the file, the row and what is wrong, rather than letting it
 * answer with half the communes.
 *
 * <ul>
 *   <li>{@value #PROVINCES} and {@value #COMMUNES}: the units as of {@link AdministrativeUnits#FIRST_DAY}.</li>
 *   <li>{@value #CHANGES}: every later change, one row per new version of a unit (level, code, valid_from and the
 *   values from that day; an empty cell keeps the previous value, an empty full_name is the type's word + name).
 *   Lines starting with {@code #} are comments.</li>
 * </ul>
 */
final class ReferenceLoader {

    static final String DIRECTORY = "reference/";
    static final String PROVINCES = "provinces-34_2025-07-01.csv";
    static final String COMMUNES = "communes-3321_2025-07-01.csv";
    static final String CHANGES = "changes.csv";

    static final List<String> PROVINCE_HEADER = List.of("code", "name", "full_name", "type", "name_en", "merged",
            "predecessors", "xa", "phuong", "dac_khu", "total");
    static final List<String> COMMUNE_HEADER = List.of("code", "name", "full_name", "type", "province_code",
            "name_en");
    static final List<String> CHANGE_HEADER = List.of("level", "code", "valid_from", "name", "full_name", "type",
            "province_code", "name_en", "basis");

    private static final Pattern PROVINCE_CODE = Pattern.compile("[0-9]{2}");
    private static final Pattern COMMUNE_CODE = Pattern.compile("[0-9]{5}");
    private static final int MAX_ROWS = 20_000;

    /** The version histories, oldest first, by code. */
    record Histories(Map<String, List<Province>> provinces, Map<String, List<Commune>> communes) {
    }

    private final Function<String, InputStream> files;
    private final Map<String, List<Province>> provinces = new TreeMap<>();
    private final Map<String, List<Commune>> communes = new TreeMap<>();

    private ReferenceLoader(Function<String, InputStream> files) {
        this.files = files;
    }

    /**
     * @param files opens a file by its name (e.g. {@value #COMMUNES}); null when there is no such file
     * @throws IllegalStateException naming the file, the row and the fault when anything is wrong
     */
    static Histories load(Function<String, InputStream> files) {
        ReferenceLoader loader = new ReferenceLoader(files);
        Map<String, Map<CommuneType, Integer>> declared = loader.readProvinces();
        loader.readCommunes();
        loader.checkCounts(declared);
        loader.readChanges();
        loader.checkProvincesOfCommunes();
        Map<String, List<Province>> provinces = new TreeMap<>();
        loader.provinces.forEach((code, history) -> provinces.put(code, List.copyOf(history)));
        Map<String, List<Commune>> communes = new TreeMap<>();
        loader.communes.forEach((code, history) -> communes.put(code, List.copyOf(history)));
        return new Histories(Collections.unmodifiableMap(provinces),
                Collections.unmodifiableMap(communes));
    }

    // --- the units on the first day

    private Map<String, Map<CommuneType, Integer>> readProvinces() {
        Map<String, Map<CommuneType, Integer>> declared = new HashMap<>();
        for (Row row : read(PROVINCES, PROVINCE_HEADER)) {
            String code = code(PROVINCES, row, 0, PROVINCE_CODE, "2 digits");
            String name = required(PROVINCES, row, 1, "name");
            ProvinceType type = provinceType(PROVINCES, row, row.cell(3));
            String fullName = fullName(PROVINCES, row, row.cell(2), type.prefix(), name);
            String nameEn = required(PROVINCES, row, 4, "name_en");
            if (provinces.containsKey(code)) {
                throw fault(PROVINCES, row, "province code " + code + " appears twice");
            }
            List<Province> history = new ArrayList<>();
            history.add(new Province(code, name, fullName, type, nameEn, AdministrativeUnits.FIRST_DAY, null));
            provinces.put(code, history);

            Map<CommuneType, Integer> counts = new EnumMap<>(CommuneType.class);
            counts.put(CommuneType.XA, count(row, 7, "xa"));
            counts.put(CommuneType.PHUONG, count(row, 8, "phuong"));
            counts.put(CommuneType.DAC_KHU, count(row, 9, "dac_khu"));
            int total = count(row, 10, "total");
            if (counts.values().stream().mapToInt(Integer::intValue).sum() != total) {
                throw fault(PROVINCES, row, "xa + phuong + dac_khu is not the total " + total);
            }
            declared.put(code, counts);
        }
        if (provinces.isEmpty()) {
            throw fault(PROVINCES, null, "has no provinces");
        }
        return declared;
    }

    private void readCommunes() {
        for (Row row : read(COMMUNES, COMMUNE_HEADER)) {
            String code = code(COMMUNES, row, 0, COMMUNE_CODE, "5 digits");
            String name = required(COMMUNES, row, 1, "name");
            CommuneType type = communeType(COMMUNES, row, row.cell(3));
            String fullName = fullName(COMMUNES, row, row.cell(2), type.prefix(), name);
            String provinceCode = row.cell(4);
            if (!provinces.containsKey(provinceCode)) {
                throw fault(COMMUNES, row, "province_code '" + provinceCode + "' is not a province of " + PROVINCES);
            }
            String nameEn = required(COMMUNES, row, 5, "name_en");
            if (communes.containsKey(code)) {
                throw fault(COMMUNES, row, "commune code " + code + " appears twice");
            }
            List<Commune> history = new ArrayList<>();
            history.add(new Commune(code, name, fullName, type, provinceCode, nameEn, AdministrativeUnits.FIRST_DAY,
                    null));
            communes.put(code, history);
        }
    }

    /** The communes of each province, by type, must be the counts the provinces file declares. */
    private void checkCounts(Map<String, Map<CommuneType, Integer>> declared) {
        Map<String, Map<CommuneType, Integer>> actual = new HashMap<>();
        for (List<Commune> history : communes.values()) {
            Commune commune = history.get(0);
            actual.computeIfAbsent(commune.provinceCode(), code -> new EnumMap<>(CommuneType.class))
                    .merge(commune.type(), 1, Integer::sum);
        }
        declared.forEach((code, counts) -> counts.forEach((type, expected) -> {
            int found = actual.getOrDefault(code, Map.of()).getOrDefault(type, 0);
            if (found != expected) {
                throw new IllegalStateException("Reference data " + DIRECTORY + COMMUNES + " has " + found + " "
                        + type.csvValue() + " of province " + code + " but " + PROVINCES + " declares " + expected);
            }
        }));
    }

    // --- the changes after the first day

    private record Change(Row row, String level, String code, LocalDate validFrom) {
    }

    private void readChanges() {
        List<Change> changes = new ArrayList<>();
        for (Row row : read(CHANGES, CHANGE_HEADER)) {
            String level = row.cell(0);
            if (!level.equals("province") && !level.equals("commune")) {
                throw fault(CHANGES, row, "level must be province or commune, not '" + level + "'");
            }
            boolean province = level.equals("province");
            String code = code(CHANGES, row, 1, province ? PROVINCE_CODE : COMMUNE_CODE,
                    province ? "2 digits" : "5 digits");
            LocalDate validFrom;
            try {
                validFrom = LocalDate.parse(row.cell(2));
            } catch (DateTimeParseException e) {
                throw fault(CHANGES, row, "valid_from must be a date (yyyy-MM-dd), not '" + row.cell(2) + "'");
            }
            if (!validFrom.isAfter(AdministrativeUnits.FIRST_DAY)) {
                throw fault(CHANGES, row, "valid_from must be after " + AdministrativeUnits.FIRST_DAY
                        + ": the units of that day are in " + PROVINCES + " and " + COMMUNES);
            }
            required(CHANGES, row, 8, "basis");
            changes.add(new Change(row, level, code, validFrom));
        }
        // each unit's changes in date order, whatever the order of the rows
        changes.sort(Comparator.comparing(Change::validFrom).thenComparing(c -> c.row().number()));
        for (Change change : changes) {
            if (change.level().equals("province")) {
                applyProvince(change);
            } else {
                applyCommune(change);
            }
        }
    }

    private void applyProvince(Change change) {
        Row row = change.row();
        if (!row.cell(6).isEmpty()) {
            throw fault(CHANGES, row, "province_code is for communes; leave it empty on a province row");
        }
        List<Province> history = provinces.computeIfAbsent(change.code(), code -> new ArrayList<>());
        Province previous = history.isEmpty() ? null : history.get(history.size() - 1);
        if (previous != null && !change.validFrom().isAfter(previous.validFrom())) {
            throw fault(CHANGES, row, "province " + change.code() + " already has a version from "
                    + previous.validFrom() + "; a change must start later");
        }
        String name = orPrevious(row, 3, "name", previous == null ? null : previous.name());
        ProvinceType type = row.cell(5).isEmpty() && previous != null ? previous.type()
                : provinceType(CHANGES, row, required(CHANGES, row, 5, "type"));
        String fullName = fullName(CHANGES, row, row.cell(4), type.prefix(), name);
        String nameEn = orPrevious(row, 7, "name_en", previous == null ? null : previous.nameEn());
        Province next = new Province(change.code(), name, fullName, type, nameEn, change.validFrom(), null);
        if (previous != null) {
            if (same(previous, next)) {
                throw fault(CHANGES, row, "changes nothing of " + previous.label());
            }
            history.set(history.size() - 1, new Province(previous.code(), previous.name(), previous.fullName(),
                    previous.type(), previous.nameEn(), previous.validFrom(), change.validFrom().minusDays(1)));
        }
        history.add(next);
    }

    private void applyCommune(Change change) {
        Row row = change.row();
        List<Commune> history = communes.computeIfAbsent(change.code(), code -> new ArrayList<>());
        Commune previous = history.isEmpty() ? null : history.get(history.size() - 1);
        if (previous != null && !change.validFrom().isAfter(previous.validFrom())) {
            throw fault(CHANGES, row, "commune " + change.code() + " already has a version from "
                    + previous.validFrom() + "; a change must start later");
        }
        String name = orPrevious(row, 3, "name", previous == null ? null : previous.name());
        CommuneType type = row.cell(5).isEmpty() && previous != null ? previous.type()
                : communeType(CHANGES, row, required(CHANGES, row, 5, "type"));
        String fullName = fullName(CHANGES, row, row.cell(4), type.prefix(), name);
        String provinceCode = orPrevious(row, 6, "province_code", previous == null ? null : previous.provinceCode());
        if (!provinces.containsKey(provinceCode)) {
            throw fault(CHANGES, row, "province_code '" + provinceCode + "' is not a province");
        }
        String nameEn = orPrevious(row, 7, "name_en", previous == null ? null : previous.nameEn());
        Commune next = new Commune(change.code(), name, fullName, type, provinceCode, nameEn, change.validFrom(),
                null);
        if (previous != null) {
            if (same(previous, next)) {
                throw fault(CHANGES, row, "changes nothing of " + previous.label());
            }
            history.set(history.size() - 1, new Commune(previous.code(), previous.name(), previous.fullName(),
                    previous.type(), previous.provinceCode(), previous.nameEn(), previous.validFrom(),
                    change.validFrom().minusDays(1)));
        }
        history.add(next);
    }

    /** Every version of a commune belongs to a province that exists on the version's first day. */
    private void checkProvincesOfCommunes() {
        for (List<Commune> history : communes.values()) {
            for (Commune version : history) {
                boolean exists = provinces.getOrDefault(version.provinceCode(), List.of()).stream()
                        .anyMatch(p -> p.validOn(version.validFrom()));
                if (!exists) {
                    throw new IllegalStateException("Reference data: " + version.label() + " from "
                            + version.validFrom() + " belongs to province " + version.provinceCode()
                            + ", which does not exist on that day");
                }
            }
        }
    }

    private static boolean same(Province a, Province b) {
        return a.name().equals(b.name()) && a.fullName().equals(b.fullName()) && a.type() == b.type()
                && a.nameEn().equals(b.nameEn());
    }

    private static boolean same(Commune a, Commune b) {
        return a.name().equals(b.name()) && a.fullName().equals(b.fullName()) && a.type() == b.type()
                && a.provinceCode().equals(b.provinceCode()) && a.nameEn().equals(b.nameEn());
    }

    // --- cells

    /**
     * The data rows of a file whose header is exactly {@code header}; comment rows ({@code #...}) are dropped and
     * a row wider than the header is refused (an unquoted comma in a name would shift every later column).
     */
    private List<Row> read(String file, List<String> header) {
        try (InputStream in = files.apply(file)) {
            if (in == null) {
                throw new IllegalStateException("Reference data " + DIRECTORY + file + " is missing");
            }
            Table table = TableReader.read(in, TableFormat.CSV, header::equals, MAX_ROWS);
            List<Row> rows = new ArrayList<>(table.rows().size());
            for (Row row : table.rows()) {
                if (row.cell(0).startsWith("#")) {
                    continue;
                }
                if (row.cells().size() > header.size()) {
                    throw fault(file, row, "has " + row.cells().size() + " cells, the header " + header.size()
                            + " (quote a value that contains a comma)");
                }
                rows.add(row);
            }
            return rows;
        } catch (TableFormatException e) {
            throw new IllegalStateException("Reference data " + DIRECTORY + file
                    + " is not readable (the header must be " + String.join(",", header) + "): " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Reference data " + DIRECTORY + file + " cannot be read", e);
        }
    }

    private static String code(String file, Row row, int column, Pattern pattern, String shape) {
        String code = row.cell(column);
        if (!pattern.matcher(code).matches()) {
            throw fault(file, row, "code must be " + shape + ", not '" + code + "'");
        }
        return code;
    }

    private static String required(String file, Row row, int column, String name) {
        String value = row.cell(column);
        if (value.isEmpty()) {
            throw fault(file, row, name + " is empty");
        }
        return value;
    }

    /** The cell, or the previous version's value when it is empty; a new unit has no previous version. */
    private static String orPrevious(Row row, int column, String name, String previous) {
        String value = row.cell(column);
        if (!value.isEmpty()) {
            return value;
        }
        if (previous == null) {
            throw fault(CHANGES, row, name + " is empty, and a new unit has no earlier value to keep");
        }
        return previous;
    }

    /** The full name is the type's word and the name ("Phường" + "Dĩ An"); empty in changes.csv means exactly that. */
    private static String fullName(String file, Row row, String value, String prefix, String name) {
        String expected = prefix + " " + name;
        if (value.isEmpty() && file.equals(CHANGES)) {
            return expected;
        }
        if (!value.equals(expected)) {
            throw fault(file, row, "full_name '" + value + "' does not match its type and name: expected '"
                    + expected + "'");
        }
        return value;
    }

    private static ProvinceType provinceType(String file, Row row, String value) {
        try {
            return ProvinceType.ofCsv(value);
        } catch (IllegalArgumentException e) {
            throw fault(file, row, e.getMessage());
        }
    }

    private static CommuneType communeType(String file, Row row, String value) {
        try {
            return CommuneType.ofCsv(value);
        } catch (IllegalArgumentException e) {
            throw fault(file, row, e.getMessage());
        }
    }

    private static int count(Row row, int column, String name) {
        try {
            int value = Integer.parseInt(row.cell(column));
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw fault(PROVINCES, row, name + " must be a whole number, not '" + row.cell(column) + "'");
    }

    private static IllegalStateException fault(String file, Row row, String message) {
        return new IllegalStateException("Reference data " + DIRECTORY + file
                + (row == null ? "" : " row " + row.number()) + ": " + message);
    }
}
