package tijian.rules;

/**
 * A checklist item: what is checked, how much it weighs, and how to fix it. Declared either by the metadata of one
 * rule ({@code @item @title @category @severity @weight @advice @basis}) or by a row of {@code data/coverage.csv}.
 *
 * @param basis the legal basis a clerk can look up: the document, and the article only where it was verified
 * @param file where the item is declared, relative to the rules directory
 * @param line the declaring line in that file
 */
public record Item(String id, String title, String category, Severity severity, int weight, String advice,
                   String basis, String file, int line) {
}
