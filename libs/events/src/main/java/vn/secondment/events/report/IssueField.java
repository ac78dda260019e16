package vn.secondment.events.report;

import java.util.Optional;

/**
 * The field of a locality's difficulty or recommendation (the {@code field} of {@link IssueSnapshot}); the label is
 * how the ministries name it.
 */
public enum IssueField {
    TO_CHUC_BO_MAY("tổ chức bộ máy", "organisation of the apparatus"),
    BIEN_CHE_NHAN_SU("biên chế và nhân sự", "staffing and personnel"),
    TIEN_LUONG_CHE_DO("tiền lương và chế độ", "salaries and allowances"),
    TAI_CHINH_DU_TOAN("tài chính và dự toán", "finance and budget estimates"),
    KHO_BAC("kho bạc", "state treasury"),
    THU_TUC_HANH_CHINH("thủ tục hành chính", "administrative procedures"),
    PHAN_MEM_HA_TANG_SO("phần mềm và hạ tầng số", "software and digital infrastructure"),
    DAT_DAI("đất đai", "land"),
    OTHER("khác", "other");

    private final String label;
    private final String labelEn;

    IssueField(String label, String labelEn) {
        this.label = label;
        this.labelEn = labelEn;
    }

    public String label() {
        return label;
    }

    /** The label in English, for texts in English (mail, the console's English switch). */
    public String labelEn() {
        return labelEn;
    }

    /** The label of a field code, or the code itself when it is none of these (a newer producer's field). */
    public static String labelOf(String code) {
        return find(code).map(IssueField::label).orElse(code);
    }

    /** The English label of a field code, or the code itself when it is none of these. */
    public static String labelEnOf(String code) {
        return find(code).map(IssueField::labelEn).orElse(code);
    }

    private static Optional<IssueField> find(String code) {
        for (IssueField f : values()) {
            if (f.name().equals(code)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
