package vn.secondment.data.audit;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AuditTrailDiffTest {

    @Test
    void listsOnlyTheFieldsThatChangedWithBothValues() {
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("fullName", "Nguyễn Thị Hoa");
        before.put("position", "Chuyên viên");
        before.put("phone", null);
        Map<String, Object> after = new LinkedHashMap<>(before);
        after.put("position", "Phó Vụ trưởng");
        after.put("phone", "0912345678");

        assertThat(AuditTrail.diff(before, after)).containsExactly(
                new FieldChange("position", "Chuyên viên", "Phó Vụ trưởng"),
                new FieldChange("phone", null, "0912345678"));
    }

    @Test
    void aNewRecordListsEveryFieldThatHasAValue() {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("code", "VU-TCCB");
        after.put("parentId", null);
        after.put("expertise", List.of("tổ chức bộ máy"));

        assertThat(AuditTrail.diff(Map.of(), after)).containsExactly(
                new FieldChange("code", null, "VU-TCCB"),
                new FieldChange("expertise", null, List.of("tổ chức bộ máy")));
    }

    @Test
    void noChangeMeansNoEntry() {
        Map<String, Object> state = Map.of("name", "Vụ Tổ chức cán bộ");
        assertThat(AuditTrail.diff(state, Map.copyOf(state))).isEmpty();
    }
}
