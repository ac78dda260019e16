package vn.secondment.reference;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import vn.secondment.rest.Text;
import vn.secondment.rest.problem.ProblemException;

import java.io.InputStream;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * Vietnam's administrative units from 1 July 2025 (34 provinces, 3,321 communes, no district tier), with every
 * later change, effective-dated: ask for a day and get the units, names and types of that day.
 *
 * <p>Read once at startup from the classpath ({@code reference/}: the two files of 1 July 2025 and
 * {@code changes.csv}); a malformed file stops the service at startup. Immutable, so safe from any thread. A
 * future change of name, type or province is a row of {@code changes.csv}, not code.
 */
@Startup
@ApplicationScoped
public class AdministrativeUnits {

    /** The day the 34 provinces and 3,321 communes came into force (Nghị quyết 202/2025/QH15). */
    public static final LocalDate FIRST_DAY = LocalDate.of(2025, 7, 1);

    private static final Comparator<Ranked> BY_RANK_THEN_CODE =
            Comparator.comparingInt(Ranked::rank).thenComparing(r -> r.commune().code());

    /** The files shipped on the classpath, read once per class loader (CDI's client proxy builds one too). */
    private static ReferenceLoader.Histories shipped;

    private final Map<String, List<Province>> provinces;
    private final Map<String, List<Commune>> communes;
    /** Codes of the communes that ever belonged to a province, by code, in code order. */
    private final Map<String, List<String>> communeCodesByProvince;
    /** Every commune version with its search keys, in code order. */
    private final List<Indexed> index;

    /** The units of the files shipped in {@code reference/} on the classpath. */
    public AdministrativeUnits() {
        this(shipped());
    }

    /**
     * The units of other files (tests), opened by name ({@code provinces-34_2025-07-01.csv},
     * {@code communes-3321_2025-07-01.csv}, {@code changes.csv}).
     *
     * @throws IllegalStateException when a file is missing or malformed
     */
    AdministrativeUnits(Function<String, InputStream> files) {
        this(ReferenceLoader.load(files));
    }

    private AdministrativeUnits(ReferenceLoader.Histories histories) {
        this.provinces = histories.provinces();
        this.communes = histories.communes();
        Map<String, List<String>> byProvince = new TreeMap<>();
        List<Indexed> entries = new ArrayList<>();
        communes.forEach((code, history) -> {
            history.stream().map(Commune::provinceCode).distinct()
                    .forEach(province -> byProvince.computeIfAbsent(province, p -> new ArrayList<>()).add(code));
            history.forEach(version -> entries.add(new Indexed(version, Text.fold(version.name()),
                    " " + Text.fold(version.fullName()))));
        });
        byProvince.replaceAll((province, codes) -> List.copyOf(codes));
        this.communeCodesByProvince = Map.copyOf(byProvince);
        this.index = List.copyOf(entries);
    }

    private static synchronized ReferenceLoader.Histories shipped() {
        if (shipped == null) {
            ClassLoader loader = AdministrativeUnits.class.getClassLoader();
            shipped = ReferenceLoader.load(file -> loader.getResourceAsStream(ReferenceLoader.DIRECTORY + file));
        }
        return shipped;
    }

    // --- provinces

    /** The provinces in force on {@code asOf}, by code; none before {@link #FIRST_DAY}. */
    public List<Province> provinces(LocalDate asOf) {
        Objects.requireNonNull(asOf, "asOf");
        List<Province> result = new ArrayList<>(provinces.size());
        for (List<Province> history : provinces.values()) {
            versionOn(history, asOf, Province::validOn).ifPresent(result::add);
        }
        return List.copyOf(result);
    }

    /** The version of province {@code code} in force on {@code asOf}; empty when unknown or not in force. */
    public Optional<Province> province(String code, LocalDate asOf) {
        Objects.requireNonNull(asOf, "asOf");
        return versionOn(provinceHistory(code), asOf, Province::validOn);
    }

    /**
     * How a text names province {@code code} on {@code asOf} in {@code language} ({@code en}, else Vietnamese):
     * "Thành phố Hồ Chí Minh", "Ho Chi Minh City". A code not in force that day is named by its nearest version,
     * an unknown code by itself: a name is never a reason to fail.
     */
    public String provinceName(String code, LocalDate asOf, String language) {
        List<Province> history = provinceHistory(code);
        if (history.isEmpty()) {
            return code == null ? "" : code;
        }
        return versionOn(history, asOf, Province::validOn).orElseGet(() -> nearest(history, asOf,
                Province::validFrom)).name(language);
    }

    /** Every version of province {@code code}, oldest first; empty when unknown. */
    public List<Province> provinceHistory(String code) {
        return code == null ? List.of() : provinces.getOrDefault(code, List.of());
    }

    /** The codes of all provinces (the 34). */
    public Set<String> provinceCodes() {
        return provinces.keySet();
    }

    // --- communes

    /** The version of commune {@code code} in force on {@code asOf}; empty when unknown or not in force. */
    public Optional<Commune> commune(String code, LocalDate asOf) {
        Objects.requireNonNull(asOf, "asOf");
        return versionOn(communeHistory(code), asOf, Commune::validOn);
    }

    /**
     * How a text names commune {@code code} on {@code asOf} in {@code language} ({@code en}, else Vietnamese):
     * "Phường Sài Gòn", "Sai Gon Ward"; like {@link #provinceName}, never failing.
     */
    public String communeName(String code, LocalDate asOf, String language) {
        List<Commune> history = communeHistory(code);
        if (history.isEmpty()) {
            return code == null ? "" : code;
        }
        return versionOn(history, asOf, Commune::validOn).orElseGet(() -> nearest(history, asOf,
                Commune::validFrom)).name(language);
    }

    /** Every version of commune {@code code}, oldest first; empty when unknown. */
    public List<Commune> communeHistory(String code) {
        return code == null ? List.of() : communes.getOrDefault(code, List.of());
    }

    /** The communes of province {@code provinceCode} in force on {@code asOf}, by code. */
    public List<Commune> communes(String provinceCode, LocalDate asOf) {
        Objects.requireNonNull(asOf, "asOf");
        if (provinceCode == null) {
            return List.of();
        }
        List<Commune> result = new ArrayList<>();
        for (String code : communeCodesByProvince.getOrDefault(provinceCode, List.of())) {
            commune(code, asOf).filter(c -> c.provinceCode().equals(provinceCode)).ifPresent(result::add);
        }
        return List.copyOf(result);
    }

    /**
     * The communes in force on {@code asOf} whose full name contains the words of {@code query}, ignoring case
     * and diacritics: every word but the last must be whole, the last may be the start of a word ("di an",
     * "Dĩ An", "phuong di an" and "dong xo" find Phường Dĩ An and Phường Đồng Xoài). Exact names come first
     * (as typed, then without diacritics), then names that start with the query, then the others; ties by code.
     * A blank query matches every commune.
     *
     * @param provinceCode only communes of this province, when not null
     * @param type         only communes of this type, when not null
     */
    public List<Commune> search(String query, String provinceCode, CommuneType type, LocalDate asOf) {
        Objects.requireNonNull(asOf, "asOf");
        String typed = query == null ? "" : Normalizer.normalize(query.strip(), Normalizer.Form.NFC)
                .toLowerCase(Locale.ROOT);
        String folded = Text.fold(query);
        String needle = " " + folded;
        List<Ranked> matches = new ArrayList<>();
        for (Indexed entry : index) {
            Commune commune = entry.commune();
            if (!commune.validOn(asOf)
                    || (provinceCode != null && !provinceCode.equals(commune.provinceCode()))
                    || (type != null && type != commune.type())) {
                continue;
            }
            if (folded.isEmpty()) {
                matches.add(new Ranked(commune, 0));
            } else if (entry.fullName().contains(needle)) {
                matches.add(new Ranked(commune, rank(entry, typed, folded)));
            }
        }
        matches.sort(BY_RANK_THEN_CODE);
        return matches.stream().map(Ranked::commune).toList();
    }

    private static int rank(Indexed entry, String typed, String folded) {
        Commune commune = entry.commune();
        if (typed.equals(commune.name().toLowerCase(Locale.ROOT))
                || typed.equals(commune.fullName().toLowerCase(Locale.ROOT))) {
            return 0;
        }
        if (folded.equals(entry.name()) || entry.fullName().equals(" " + folded)) {
            return 1;
        }
        if (entry.name().startsWith(folded)) {
            return 2;
        }
        return 3;
    }

    // --- checks for the service layer

    /**
     * Refuses, as a 400 violation of {@code field}, a province code that is unknown or not in force on
     * {@code asOf}.
     */
    public void requireProvince(String field, String code, LocalDate asOf) {
        Objects.requireNonNull(asOf, "asOf");
        if (code == null || code.isBlank()) {
            throw ProblemException.invalid(field, "must not be blank");
        }
        List<Province> history = provinceHistory(code);
        if (history.isEmpty()) {
            throw ProblemException.invalid(field, "there is no province with code '" + code + "'");
        }
        if (versionOn(history, asOf, Province::validOn).isEmpty()) {
            throw ProblemException.invalid(field,
                    nearest(history, asOf, Province::validFrom).label() + " is not in force on " + asOf);
        }
    }

    /**
     * Refuses, as a 400 violation of {@code field}, a commune code that is unknown, not in force on {@code asOf}
     * or of another province than {@code provinceCode} on that day, e.g. "Phường Dĩ An (25942) belongs to Thành
     * phố Hồ Chí Minh (79), not to Tỉnh Đồng Nai (75)".
     */
    public void requireCommuneIn(String field, String communeCode, String provinceCode, LocalDate asOf) {
        Objects.requireNonNull(asOf, "asOf");
        if (communeCode == null || communeCode.isBlank()) {
            throw ProblemException.invalid(field, "must not be blank");
        }
        List<Commune> history = communeHistory(communeCode);
        if (history.isEmpty()) {
            throw ProblemException.invalid(field, "there is no commune with code '" + communeCode + "'");
        }
        Commune commune = versionOn(history, asOf, Commune::validOn).orElseThrow(() -> ProblemException.invalid(
                field, nearest(history, asOf, Commune::validFrom).label() + " is not in force on " + asOf));
        if (!commune.provinceCode().equals(provinceCode)) {
            throw ProblemException.invalid(field, commune.label() + " belongs to "
                    + provinceLabel(commune.provinceCode(), asOf) + ", not to " + provinceLabel(provinceCode, asOf));
        }
    }

    private String provinceLabel(String code, LocalDate asOf) {
        return province(code, asOf).map(Province::label).orElse("province " + code);
    }

    // --- helpers

    private static <T> Optional<T> versionOn(List<T> history, LocalDate day, BiPredicate<T, LocalDate> validOn) {
        for (T version : history) {
            if (validOn.test(version, day)) {
                return Optional.of(version);
            }
        }
        return Optional.empty();
    }

    /** The version to name in a message about {@code day}: the first one when the day is before it, else the last. */
    private static <T> T nearest(List<T> history, LocalDate day, Function<T, LocalDate> validFrom) {
        T first = history.get(0);
        return day.isBefore(validFrom.apply(first)) ? first : history.get(history.size() - 1);
    }

    /** A commune version with its folded name and its folded full name after a space (for word-start matches). */
    private record Indexed(Commune commune, String name, String fullName) {
    }

    private record Ranked(Commune commune, int rank) {
    }
}
