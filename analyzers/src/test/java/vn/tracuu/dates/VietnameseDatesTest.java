package vn.tracuu.dates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VietnameseDatesTest {

  private static final LocalDate AUG_8 = LocalDate.of(2019, 8, 8);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2019-08-08",
        "2019-8-8",
        "08/8/2019",
        "8/8/2019",
        "8-8-2019",
        "8.8.2019",
        "ngày 8 tháng 8 năm 2019",
        "Ngày 08 tháng 08 năm 2019",
        "ngay 8 thang 8 nam 2019",
      })
  void parsesEveryWrittenForm(String input) {
    assertEquals(AUG_8, VietnameseDates.parse(input));
  }

  @Test
  void readsDayFirst() {
    assertEquals(LocalDate.of(2019, 3, 7), VietnameseDates.parse("07/03/2019"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"31/2/2019", "2019-02-30", "32/1/2019", "0/1/2019", "ngày 29 tháng 2 năm 2019"})
  void rejectsImpossibleDatesWithAReason(String input) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> VietnameseDates.parse(input));
    assertTrue(e.getMessage().startsWith("impossible date"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "hôm qua", "2019", "19/8", "<script>", "9999999999/1/1"})
  void rejectsWhatIsNotADate(String input) {
    assertThrows(IllegalArgumentException.class, () -> VietnameseDates.parse(input));
  }

  @Test
  void findsDatesInTextWrappedAnywhere() {
    String text =
        "Hòa Sơn, ngày 26\ntháng 11 năm\n2025\nCăn cứ Nghị quyết số 17/NQ-CP ngày 07/3/2019";
    List<VietnameseDates.Found> found = VietnameseDates.findAll(text);
    assertEquals(
        List.of(LocalDate.of(2025, 11, 26), LocalDate.of(2019, 3, 7)),
        found.stream().map(VietnameseDates.Found::date).toList());
    assertEquals(
        "ngày 26\ntháng 11 năm\n2025", text.substring(found.get(0).start(), found.get(0).end()));
  }

  @Test
  void skipsImpossibleDatesInText() {
    assertEquals(
        List.of(LocalDate.of(2019, 8, 19)),
        VietnameseDates.findAll("ngày 30/02/2019 và 19/8/2019").stream()
            .map(VietnameseDates.Found::date)
            .toList());
  }

  @Test
  void doesNotReadDocumentNumbersAsDates() {
    assertTrue(VietnameseDates.findAll("Số: 30/2020/NĐ-CP và 1952/QĐ-UBND").isEmpty());
  }
}
