package vn.secondment.reference;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The ministries list and the names texts use, from the shipped files without Quarkus. */
class MinistriesTest {

    static final LocalDate DAY = LocalDate.of(2025, 9, 14);

    @Test
    void namesTheSeventeenMinistriesByCodeAndDay() {
        Ministries ministries = new Ministries();

        assertThat(ministries.all()).hasSize(17);
        assertThat(ministries.name("BNV", DAY, "vi")).isEqualTo("Bộ Nội vụ");
        assertThat(ministries.name("BNV", DAY, "en")).isEqualTo("Ministry of Home Affairs");
        assertThat(ministries.name("BVHTTDL", DAY, "vi")).isEqualTo("Bộ Văn hóa, Thể thao và Du lịch");
        assertThat(ministries.ministry("BNV", LocalDate.of(2025, 2, 28))).isEmpty();
        // never a reason to fail: the latest version before it existed, the code when unknown
        assertThat(ministries.name("BNV", LocalDate.of(2025, 2, 28), "vi")).isEqualTo("Bộ Nội vụ");
        assertThat(ministries.name("XYZ", DAY, "vi")).isEqualTo("XYZ");
    }

    @Test
    void refusesOverlappingVersions() {
        String csv = "code,name_vi,name_en,kind,valid_from,valid_to\n"
                + "BNV,Bộ Nội vụ,Ministry of Home Affairs,MINISTRY,2025-03-01,\n"
                + "BNV,Bộ Nội vụ,Ministry of Home Affairs,MINISTRY,2026-01-01,\n";
        assertThatThrownBy(() -> new Ministries(f -> new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("row 3").hasMessageContaining("overlaps");
    }

    @Test
    void namesProvincesAndCommunesAsOfTheDayInBothLanguages() {
        AdministrativeUnits units = new AdministrativeUnits();

        assertThat(units.provinceName("79", DAY, "vi")).isEqualTo("Thành phố Hồ Chí Minh");
        assertThat(units.provinceName("79", DAY, "en")).isEqualTo("Ho Chi Minh City");
        assertThat(units.communeName("26740", DAY, "vi")).isEqualTo("Phường Sài Gòn");
        assertThat(units.communeName("26740", DAY, "en")).isEqualTo("Sai Gon Ward");
        // Đồng Nai became a thành phố on 2026-04-30
        assertThat(units.provinceName("75", DAY, "vi")).isEqualTo("Tỉnh Đồng Nai");
        assertThat(units.provinceName("75", LocalDate.of(2026, 5, 1), "vi")).isEqualTo("Thành phố Đồng Nai");
        assertThat(units.provinceName("75", DAY, "en")).isEqualTo("Dong Nai Province");
        assertThat(units.provinceName("99", DAY, "vi")).isEqualTo("99");
        assertThat(units.communeName("99999", DAY, "vi")).isEqualTo("99999");
    }
}
