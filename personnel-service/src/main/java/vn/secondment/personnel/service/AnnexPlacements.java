package vn.secondment.personnel.service;

import vn.secondment.personnel.readmodel.KnownDeployment;
import vn.secondment.reference.AdministrativeUnits;
import vn.secondment.reference.Province;
import vn.secondment.rest.Text;
import vn.secondment.rest.problem.Problem;
import vn.secondment.tabular.Row;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads where and as what each row of an annex imported into a deployment goes: the province (a code, or a name as
 * people write it: "Thành phố Hồ Chí Minh", "TP. Hồ Chí Minh", "tỉnh Lai Châu", "Lai Châu") among the provinces in
 * force on the deployment's first day and targeted by it, and the role ("Trưởng nhóm", "Thành viên", LEAD, MEMBER;
 * blank is a member).
 */
final class AnnexPlacements {

    /** The words before a province's name that people write or leave out. */
    private static final Pattern KIND = Pattern.compile("^(thanh pho|tp|tinh)\\s+");

    private final KnownDeployment deployment;
    private final Map<String, Province> byKey = new HashMap<>();

    AnnexPlacements(KnownDeployment deployment, AdministrativeUnits units) {
        this.deployment = deployment;
        for (Province province : units.provinces(deployment.startDate)) {
            byKey.put(province.code(), province);
            for (String name : List.of(province.name(), province.fullName(), province.nameEn(), province.name("en"))) {
                if (name != null) {
                    byKey.put(key(name), province);
                }
            }
        }
    }

    /** One row's placement; null (with the reasons added to {@code errors}) when a cell is wrong. */
    Placement parse(Row row, AnnexRowParser parser, List<Problem.Violation> errors) {
        int before = errors.size();
        String provinceText = parser.cell(row, AssignmentColumn.PROVINCE, errors);
        String roleText = parser.cell(row, AssignmentColumn.ROLE, errors);
        String provinceCode = null;
        if (provinceText.isEmpty()) {
            if (errors.size() == before) {
                errors.add(parser.error(row, AssignmentColumn.PROVINCE,
                        "is required: the province (code or name) the official goes to in this deployment"));
            }
        } else {
            Province province = byKey.get(provinceText);
            if (province == null) {
                province = byKey.get(key(provinceText));
            }
            if (province == null) {
                errors.add(parser.error(row, AssignmentColumn.PROVINCE, "is not one of the 34 provinces (code or "
                        + "name) on " + deployment.startDate));
            } else if (!deployment.provinceCodes.contains(province.code())) {
                errors.add(parser.error(row, AssignmentColumn.PROVINCE, province.fullName() + " (" + province.code()
                        + ") is not a target province of the deployment"));
            } else {
                provinceCode = province.code();
            }
        }
        String role = switch (Text.fold(roleText)) {
            case "", "thanh vien", "member" -> "MEMBER";
            case "truong nhom", "truong doan", "lead" -> "LEAD";
            default -> {
                errors.add(parser.error(row, AssignmentColumn.ROLE, "must be Trưởng nhóm or Thành viên"));
                yield null;
            }
        };
        return errors.size() == before ? new Placement(provinceCode, role) : null;
    }

    private static String key(String name) {
        return KIND.matcher(Text.fold(name)).replaceFirst("");
    }

    /** Where and as what an official goes: a province code of the deployment, LEAD or MEMBER. */
    record Placement(String provinceCode, String role) {
    }
}
