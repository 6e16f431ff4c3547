package vn.tracuu.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DiacriticFolderTest {

  @ParameterizedTest
  @CsvSource({
    "chính quyền điện tử, chinh quyen dien tu",
    "Đà Nẵng, Da Nang",
    "ĐỘC LẬP - TỰ DO, DOC LAP - TU DO",
    "ASCII stays, ASCII stays",
    "1952/QĐ-UBND, 1952/QD-UBND",
  })
  void removesVietnameseDiacritics(String input, String expected) {
    assertEquals(expected, DiacriticFolder.fold(input));
  }
}
