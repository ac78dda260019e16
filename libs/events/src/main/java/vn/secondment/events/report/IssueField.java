package vn.secondment.events.report;

/**
 * The field of a locality's difficulty or recommendation (the {@code field} of {@link IssueSnapshot}); the label is
 * how the ministries name it.
 */
public enum IssueField {
    TO_CHUC_BO_MAY("tổ chức bộ máy"),
    BIEN_CHE_NHAN_SU("biên chế và nhân sự"),
    TIEN_LUONG_CHE_DO("tiền lương và chế độ"),
    TAI_CHINH_DU_TOAN("tài chính và dự toán"),
    KHO_BAC("kho bạc"),
    THU_TUC_HANH_CHINH("thủ tục hành chính"),
    PHAN_MEM_HA_TANG_SO("phần mềm và hạ tầng số"),
    DAT_DAI("đất đai"),
    OTHER("khác");

    private final String label;

    IssueField(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The label of a field code, or the code itself when it is none of these (a newer producer's field). */
    public static String labelOf(String code) {
        for (IssueField f : values()) {
            if (f.name().equals(code)) {
                return f.label;
            }
        }
        return code;
    }
}
