package vn.secondment.reference;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.secondment.rest.problem.Problem;
import vn.secondment.rest.problem.ProblemException;
import vn.secondment.rest.problem.ProblemType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The reference data itself, read from the shipped classpath files without Quarkus. */
class AdministrativeUnitsTest {

    static final LocalDate FIRST_DAY = AdministrativeUnits.FIRST_DAY;
    static final LocalDate BEFORE_CITY = LocalDate.of(2026, 4, 29);
    static final LocalDate CITY = LocalDate.of(2026, 4, 30);
    static final List<String> WARDS_OF_237 = List.of("25270", "25357", "25363", "26116", "26170", "26248", "26326",
            "26368", "26425", "26485");

    static AdministrativeUnits units;

    @BeforeAll
    static void load() {
        units = new AdministrativeUnits();
    }

    @Test
    void has34ProvincesAnd3321CommunesOnTheFirstDay() {
        List<Province> provinces = units.provinces(FIRST_DAY);
        assertThat(provinces).hasSize(34);
        assertThat(units.provinceCodes()).hasSize(34).contains("01", "75", "79", "96");
        assertThat(provinces).extracting(Province::code).isSorted();
        assertThat(typesOf(provinces)).containsEntry(ProvinceType.THANH_PHO, 6L).containsEntry(ProvinceType.TINH, 28L);

        List<Commune> communes = allCommunes(FIRST_DAY);
        assertThat(communes).hasSize(3321);
        assertThat(communeTypes(communes)).isEqualTo(Map.of(CommuneType.XA, 2621L, CommuneType.PHUONG, 687L,
                CommuneType.DAC_KHU, 13L));
    }

    @Test
    void fromThe30thOfApril2026DongNaiIsACityAndTenOfItsXaArePhuong() {
        List<Province> provinces = units.provinces(CITY);
        assertThat(provinces).hasSize(34);
        assertThat(typesOf(provinces)).containsEntry(ProvinceType.THANH_PHO, 7L).containsEntry(ProvinceType.TINH, 27L);
        assertThat(typesOf(units.provinces(BEFORE_CITY)))
                .containsEntry(ProvinceType.THANH_PHO, 6L).containsEntry(ProvinceType.TINH, 28L);

        List<Commune> communes = allCommunes(CITY);
        assertThat(communes).hasSize(3321);
        assertThat(communeTypes(communes)).isEqualTo(Map.of(CommuneType.XA, 2611L, CommuneType.PHUONG, 697L,
                CommuneType.DAC_KHU, 13L));
        assertThat(communeTypes(allCommunes(BEFORE_CITY))).containsEntry(CommuneType.XA, 2621L);

        Province before = units.province("75", BEFORE_CITY).orElseThrow();
        Province after = units.province("75", CITY).orElseThrow();
        assertThat(before.fullName()).isEqualTo("Tỉnh Đồng Nai");
        assertThat(before.type()).isEqualTo(ProvinceType.TINH);
        assertThat(before.validTo()).isEqualTo(BEFORE_CITY);
        assertThat(after.fullName()).isEqualTo("Thành phố Đồng Nai");
        assertThat(after.type()).isEqualTo(ProvinceType.THANH_PHO);
        assertThat(after.validFrom()).isEqualTo(CITY);
        assertThat(after.validTo()).isNull();
        assertThat(units.provinceHistory("75")).containsExactly(before, after);
        assertThat(units.provinceHistory("79")).hasSize(1);

        for (String code : WARDS_OF_237) {
            Commune xa = units.commune(code, BEFORE_CITY).orElseThrow();
            Commune phuong = units.commune(code, CITY).orElseThrow();
            assertThat(xa.type()).isEqualTo(CommuneType.XA);
            assertThat(xa.fullName()).isEqualTo("Xã " + xa.name());
            assertThat(phuong.type()).isEqualTo(CommuneType.PHUONG);
            assertThat(phuong.fullName()).isEqualTo("Phường " + xa.name());
            assertThat(phuong.provinceCode()).isEqualTo("75");
            assertThat(units.communeHistory(code)).containsExactly(xa, phuong);
        }
        assertThat(units.commune("26248", CITY).orElseThrow().fullName()).isEqualTo("Phường Trảng Bom");
        // Đồng Nai keeps its 95 communes
        assertThat(units.communes("75", BEFORE_CITY)).hasSize(95);
        assertThat(units.communes("75", CITY)).hasSize(95)
                .filteredOn(c -> c.type() == CommuneType.PHUONG).hasSize(33);
    }

    @Test
    void checksAgainstTheSourceArticles() {
        assertThat(units.communes("25", FIRST_DAY)).hasSize(148);
        assertThat(units.province("25", FIRST_DAY).orElseThrow().fullName()).isEqualTo("Tỉnh Phú Thọ");

        Commune diAn = units.commune("25942", FIRST_DAY).orElseThrow();
        assertThat(diAn.fullName()).isEqualTo("Phường Dĩ An");
        assertThat(diAn.provinceCode()).isEqualTo("79");
        assertThat(units.province("79", FIRST_DAY).orElseThrow().fullName()).isEqualTo("Thành phố Hồ Chí Minh");

        Commune baChe = units.commune("06970", FIRST_DAY).orElseThrow();
        assertThat(baChe.fullName()).isEqualTo("Xã Ba Chẽ");
        assertThat(baChe.provinceCode()).isEqualTo("22");
        assertThat(units.commune("06978", FIRST_DAY)).isEmpty();
    }

    @Test
    void theCommunesOfAProvinceAreSortedByCodeAndBelongToIt() {
        List<Commune> hcm = units.communes("79", FIRST_DAY);
        assertThat(hcm).isNotEmpty().extracting(Commune::code).isSorted();
        assertThat(hcm).allSatisfy(c -> assertThat(c.provinceCode()).isEqualTo("79"));
        assertThat(units.communes("99", FIRST_DAY)).isEmpty();
        assertThat(units.communes(null, FIRST_DAY)).isEmpty();
    }

    @Test
    void nothingExistsBeforeTheFirstDay() {
        LocalDate before = FIRST_DAY.minusDays(1);
        assertThat(units.provinces(before)).isEmpty();
        assertThat(units.province("79", before)).isEmpty();
        assertThat(units.commune("25942", before)).isEmpty();
        assertThat(units.communes("79", before)).isEmpty();
        assertThat(units.search("di an", null, null, before)).isEmpty();
        assertThat(units.provinceHistory("99")).isEmpty();
        assertThat(units.communeHistory("00000")).isEmpty();
        assertThat(units.communeHistory(null)).isEmpty();
    }

    @Test
    void namesAreInNfc() {
        assertThat(allCommunes(FIRST_DAY)).allSatisfy(c -> {
            assertThat(Normalizer.isNormalized(c.name(), Normalizer.Form.NFC)).isTrue();
            assertThat(Normalizer.isNormalized(c.fullName(), Normalizer.Form.NFC)).isTrue();
        });
        assertThat(units.provinces(FIRST_DAY))
                .allSatisfy(p -> assertThat(Normalizer.isNormalized(p.fullName(), Normalizer.Form.NFC)).isTrue());
    }

    @Test
    void searchIgnoresCaseAndDiacriticsAndRanksExactNamesFirst() {
        assertThat(codes(units.search("di an", null, null, FIRST_DAY))).containsExactly("25942");
        assertThat(codes(units.search("Dĩ An", null, null, FIRST_DAY))).containsExactly("25942");
        assertThat(codes(units.search("DĨ AN", null, null, FIRST_DAY))).containsExactly("25942");
        // decomposed input (macOS) is the same name
        String decomposed = Normalizer.normalize("Dĩ An", Normalizer.Form.NFD);
        assertThat(codes(units.search(decomposed, null, null, FIRST_DAY))).containsExactly("25942");
        assertThat(codes(units.search("phuong di an", null, null, FIRST_DAY))).containsExactly("25942");
        assertThat(codes(units.search("dong xoai", null, null, FIRST_DAY))).containsExactly("25210");
        assertThat(codes(units.search("dong xo", "75", null, FIRST_DAY))).containsExactly("25210");
        assertThat(units.search("dong xoai", "79", null, FIRST_DAY)).isEmpty();
        assertThat(units.search("dong xoai", null, CommuneType.XA, FIRST_DAY)).isEmpty();
        // a word must start where the name's word starts
        assertThat(units.search("i an", null, null, FIRST_DAY)).isEmpty();

        // "tan phu": exact names first (by code), then names starting with it, then the rest
        List<Commune> tanPhu = units.search("tan phu", null, null, FIRST_DAY);
        assertThat(tanPhu.size()).isGreaterThan(2);
        int exact = (int) tanPhu.stream().filter(c -> c.name().equals("Tân Phú")).count();
        assertThat(exact).isGreaterThan(1);
        assertThat(tanPhu.subList(0, exact)).allSatisfy(c -> assertThat(c.name()).isEqualTo("Tân Phú"))
                .extracting(Commune::code).isSorted();
        assertThat(tanPhu.subList(exact, tanPhu.size())).noneSatisfy(c -> assertThat(c.name()).isEqualTo("Tân Phú"));

        // the type of the day: Trảng Bom is a phường from 2026-04-30
        assertThat(units.search("trang bom", "75", CommuneType.XA, BEFORE_CITY)).extracting(Commune::code)
                .contains("26248");
        assertThat(units.search("trang bom", "75", CommuneType.XA, CITY)).extracting(Commune::code)
                .doesNotContain("26248");
        assertThat(units.search("phuong trang bom", null, null, CITY)).extracting(Commune::code)
                .containsExactly("26248");

        // no words: everything (of the province, of the type), by code
        assertThat(units.search(null, null, null, FIRST_DAY)).hasSize(3321);
        assertThat(units.search("  ", "75", CommuneType.PHUONG, CITY)).hasSize(33).extracting(Commune::code)
                .isSorted();
    }

    @Test
    void requireProvinceRefusesUnknownCodesAndDaysWhenItWasNotInForce() {
        units.requireProvince("provinceCode", "75", FIRST_DAY);
        assertViolation(() -> units.requireProvince("provinceCode", "99", FIRST_DAY), "provinceCode",
                "there is no province with code '99'");
        assertViolation(() -> units.requireProvince("provinceCode", "75", FIRST_DAY.minusDays(1)), "provinceCode",
                "Tỉnh Đồng Nai (75) is not in force on 2025-06-30");
        assertViolation(() -> units.requireProvince("provinceCode", null, FIRST_DAY), "provinceCode",
                "must not be blank");
    }

    @Test
    void requireCommuneInNamesBothProvinces() {
        units.requireCommuneIn("communeCode", "25942", "79", FIRST_DAY);
        assertViolation(() -> units.requireCommuneIn("communeCode", "25942", "75", FIRST_DAY), "communeCode",
                "Phường Dĩ An (25942) belongs to Thành phố Hồ Chí Minh (79), not to Tỉnh Đồng Nai (75)");
        assertViolation(() -> units.requireCommuneIn("communeCode", "25942", "75", CITY), "communeCode",
                "Phường Dĩ An (25942) belongs to Thành phố Hồ Chí Minh (79), not to Thành phố Đồng Nai (75)");
        assertViolation(() -> units.requireCommuneIn("communeCode", "25942", "99", FIRST_DAY), "communeCode",
                "Phường Dĩ An (25942) belongs to Thành phố Hồ Chí Minh (79), not to province 99");
        assertViolation(() -> units.requireCommuneIn("communeCode", "99999", "79", FIRST_DAY), "communeCode",
                "there is no commune with code '99999'");
        assertViolation(() -> units.requireCommuneIn("communeCode", "25942", "79", FIRST_DAY.minusDays(1)),
                "communeCode", "Phường Dĩ An (25942) is not in force on 2025-06-30");
        assertViolation(() -> units.requireCommuneIn("communeCode", " ", "79", FIRST_DAY), "communeCode",
                "must not be blank");
    }

    @Test
    void whatItReturnsCannotBeChanged() {
        List<Province> provinces = units.provinces(FIRST_DAY);
        assertThatThrownBy(provinces::clear).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> units.provinceCodes().remove("75")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> units.communeHistory("26248").clear())
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> units.search("di an", null, null, FIRST_DAY).clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    // --- changes.csv as data, and malformed files

    @Test
    void aFutureChangeIsARowOfChangesCsv() {
        AdministrativeUnits changed = withFile(ReferenceLoader.CHANGES, csv -> csv
                + "commune,25942,2027-01-01,Dĩ An Mới,,,,Di An Moi,Nghị quyết thử nghiệm\n"
                + "commune,26248,2027-01-01,,,,79,,Nghị quyết thử nghiệm\n"
                + "commune,99990,2027-01-01,Hòn Mới,,dac_khu,79,Hon Moi,Nghị quyết thử nghiệm\n");
        LocalDate day = LocalDate.of(2027, 1, 1);
        Commune renamed = changed.commune("25942", day).orElseThrow();
        assertThat(renamed.fullName()).isEqualTo("Phường Dĩ An Mới");
        assertThat(renamed.type()).isEqualTo(CommuneType.PHUONG);
        assertThat(changed.communeHistory("25942")).hasSize(2);
        assertThat(changed.communeHistory("26248")).extracting(Commune::provinceCode).containsExactly("75", "75", "79");
        assertThat(changed.communes("75", day)).extracting(Commune::code).doesNotContain("26248");
        assertThat(changed.communes("79", day)).extracting(Commune::code).contains("26248", "99990");
        assertThat(changed.communes("75", day.minusDays(1))).extracting(Commune::code).contains("26248");
        assertThat(changed.commune("99990", day.minusDays(1))).isEmpty();
        assertThat(changed.commune("99990", day).orElseThrow().fullName()).isEqualTo("Đặc khu Hòn Mới");
        assertThat(codes(changed.search("di an moi", null, null, day))).containsExactly("25942");
        assertThat(changed.search("di an moi", null, null, day.minusDays(1))).isEmpty();
    }

    @Test
    void aMalformedFileStopsTheLoadNamingTheFileAndRow() {
        assertLoadFails(ReferenceLoader.COMMUNES, csv -> csv.replace("25942,Dĩ An,Phường Dĩ An,phuong,79",
                "25942,Dĩ An,Phường Dĩ An,ward,79"), "communes-3321_2025-07-01.csv row", "xa, phuong or dac_khu");
        assertLoadFails(ReferenceLoader.COMMUNES, csv -> csv.replace("25942,Dĩ An,Phường Dĩ An,phuong,79",
                "25942,Dĩ An,Xã Dĩ An,phuong,79"), "communes-3321_2025-07-01.csv row", "expected 'Phường Dĩ An'");
        assertLoadFails(ReferenceLoader.COMMUNES, csv -> csv.replace("25942,Dĩ An,Phường Dĩ An,phuong,79",
                "25942,Dĩ, An,Phường Dĩ An,phuong,79"), "communes-3321_2025-07-01.csv row", "quote a value");
        assertLoadFails(ReferenceLoader.COMMUNES, csv -> csv.replace("25942,Dĩ An,Phường Dĩ An,phuong,79",
                "25942,Dĩ An,Phường Dĩ An,phuong,81"), "province_code '81'");
        assertLoadFails(ReferenceLoader.COMMUNES, csv -> csv.replaceAll("\n25942,[^\n]*", ""),
                "has 112 phuong of province 79 but provinces-34_2025-07-01.csv declares 113");
        assertLoadFails(ReferenceLoader.COMMUNES, csv -> csv.replace("code,name,", "ma,name,"), "is not readable");
        assertLoadFails(ReferenceLoader.PROVINCES, csv -> csv.replace("\n75,", "\n7a,"), "code must be 2 digits");
        assertLoadFails(ReferenceLoader.CHANGES, csv -> csv + "province,75,2025-07-01,,,tinh,,,Thử\n",
                "changes.csv row", "valid_from must be after 2025-07-01");
        assertLoadFails(ReferenceLoader.CHANGES, csv -> csv + "province,75,2026-04-30,,,tinh,,,Thử\n",
                "already has a version from 2026-04-30");
        assertLoadFails(ReferenceLoader.CHANGES, csv -> csv + "commune,25942,2027-01-01,,,,,,Thử\n",
                "changes nothing of Phường Dĩ An (25942)");
        assertLoadFails(ReferenceLoader.CHANGES, csv -> csv + "commune,25942,2027-01-01,Dĩ An 2,,,,,\n",
                "basis is empty");
        assertLoadFails(ReferenceLoader.CHANGES, csv -> csv + "commune,25942,1/1/2027,Dĩ An 2,,,,,Thử\n",
                "valid_from must be a date");
        assertLoadFails(ReferenceLoader.CHANGES, csv -> csv + "district,760,2027-01-01,Quận 1,,,,,Thử\n",
                "level must be province or commune");
        assertLoadFails(ReferenceLoader.CHANGES, csv -> csv + "commune,99990,2027-01-01,Mới,,xa,,Moi,Thử\n",
                "province_code is empty, and a new unit has no earlier value to keep");
        assertLoadFails(ReferenceLoader.CHANGES, csv -> csv + "commune,25942,2027-01-01,\"Dĩ An,2027-01-01,Thử\n",
                "changes.csv is not readable", "quoted cell is not closed");
        assertLoadFails(ReferenceLoader.CHANGES, csv -> null, "changes.csv is missing");
    }

    // --- helpers

    private static List<Commune> allCommunes(LocalDate day) {
        return units.provinces(FIRST_DAY).stream().flatMap(p -> units.communes(p.code(), day).stream()).toList();
    }

    private static Map<ProvinceType, Long> typesOf(List<Province> provinces) {
        return provinces.stream().collect(Collectors.groupingBy(Province::type, Collectors.counting()));
    }

    private static Map<CommuneType, Long> communeTypes(List<Commune> communes) {
        return communes.stream().collect(Collectors.groupingBy(Commune::type, Collectors.counting()));
    }

    private static List<String> codes(List<Commune> communes) {
        return communes.stream().map(Commune::code).toList();
    }

    private static void assertViolation(Runnable check, String field, String message) {
        assertThatThrownBy(check::run).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.type()).isEqualTo(ProblemType.VALIDATION);
            assertThat(e.violations()).containsExactly(new Problem.Violation(field, message));
        });
    }

    /** The shipped files with {@code file} edited (an edit returning null removes the file). */
    private static AdministrativeUnits withFile(String file, UnaryOperator<String> edit) {
        return new AdministrativeUnits(name -> {
            String text = shipped(name);
            if (name.equals(file)) {
                text = edit.apply(text);
            }
            return text == null ? null : new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
        });
    }

    private static void assertLoadFails(String file, UnaryOperator<String> edit, String... messageParts) {
        assertThatThrownBy(() -> withFile(file, edit)).isInstanceOf(IllegalStateException.class)
                .message().contains(messageParts);
    }

    private static String shipped(String name) {
        try (InputStream in = AdministrativeUnitsTest.class.getClassLoader()
                .getResourceAsStream(ReferenceLoader.DIRECTORY + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
