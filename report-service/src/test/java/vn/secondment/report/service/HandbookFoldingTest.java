package vn.secondment.report.service;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The handbook is searched without diacritics: the entry's text and the query are folded the same way. */
class HandbookFoldingTest {

    @Test
    void queryWithOrWithoutDiacriticsAndInAnyCaseFoldsToTheSameWords() {
        assertThat(HandbookService.searchQuery("thủ tục hành chính")).isEqualTo("thu tuc hanh chinh");
        assertThat(HandbookService.searchQuery("THỦ TỤC HÀNH CHÍNH")).isEqualTo("thu tuc hanh chinh");
        assertThat(HandbookService.searchQuery("thu tuc hanh chinh")).isEqualTo("thu tuc hanh chinh");
    }

    @Test
    void queryInDecomposedUnicodeFoldsLikeTheComposedOne() {
        String decomposed = java.text.Normalizer.normalize("Thủ tục", java.text.Normalizer.Form.NFD);

        assertThat(HandbookService.searchQuery(decomposed)).isEqualTo("thu tuc");
    }

    @Test
    void entryIsFoundByQuestionAnswerAndGuidanceDocumentWithoutDiacritics() {
        String text = HandbookService.searchText("Mở tài khoản tại Kho bạc?", "Điều động công chức",
                "Công văn 4567/BNV-CQĐP");

        assertThat(text).contains("mo tai khoan tai kho bac", "dieu dong cong chuc", "cong van 4567 bnv-cqdp");
    }

    @Test
    void entryWithoutGuidanceDocumentIsFoundByQuestionAndAnswerAlone() {
        assertThat(HandbookService.searchText("Câu hỏi", "Trả lời", null)).isEqualTo("cau hoi tra loi");
    }

    @Test
    void noQueryMeansNoWordsToMatch() {
        assertThat(HandbookService.searchQuery(null)).isEmpty();
    }
}
