package vn.secondment.report;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;

/** The final summary report (báo cáo tổng hợp cuối đợt) of one assignment, due at its end. */
@Entity
@Table(name = "final_report")
public class FinalReport extends Report {

    public static final int MAX_TEXT = 8000;
    public static final int MAX_RESULTS = 16000;

    /** Tổng quan: the secondment as a whole. */
    @Column(length = MAX_TEXT)
    public String summary;

    /** Kết quả đạt được. */
    @Column(length = MAX_RESULTS)
    public String results;

    /** Khó khăn, vướng mắc. */
    @Column(length = MAX_TEXT)
    public String difficulties;

    /** Kiến nghị, đề xuất. */
    @Column(length = MAX_TEXT)
    public String recommendations;

    /** Bài học kinh nghiệm. */
    @Column(length = MAX_TEXT)
    public String lessons;

    @Column(name = "accepted_at")
    public Instant acceptedAt;

    @Column(name = "accepted_by", length = 100)
    public String acceptedBy;
}
