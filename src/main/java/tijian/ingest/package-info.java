/**
 * Ingest: every file a unit really has, as plain text; bad input refused cleanly.
 *
 * <p>Entry points: {@link tijian.ingest.DocumentReader#read(byte[], String, String)} for one upload and
 * {@link tijian.ingest.SafeZip#entries(byte[], tijian.ingest.SafeZip.Limits)} for a zip of uploads. Every refusal is
 * a {@link tijian.refusal.Refusal} made by {@link tijian.ingest.IngestRefusals}, with {@code kind()}, {@code code()},
 * {@code messageZh()}, {@code messageEn()}; the status below is what the web layer answers for its kind:
 * <table>
 * <caption>codes</caption>
 * <tr><td>400</td><td>empty</td><td>0 bytes, or only whitespace after decoding</td></tr>
 * <tr><td>413</td><td>too-large</td><td>over maxBytes (checked before parsing), or the document needs too much memory</td></tr>
 * <tr><td>413</td><td>zip-bomb</td><td>docx or zip expands too much / abnormal compression ratio</td></tr>
 * <tr><td>413</td><td>too-many-entries</td><td>zip with more entries than allowed</td></tr>
 * <tr><td>415</td><td>unsupported-type</td><td>binary junk, images, xlsx/pptx/odt, rtf, plain zip given as a document</td></tr>
 * <tr><td>422</td><td>corrupt-document</td><td>truncated or damaged docx/doc/pdf/mhtml</td></tr>
 * <tr><td>422</td><td>encrypted-document</td><td>password-protected pdf (user password), docx (EncryptedPackage), doc</td></tr>
 * <tr><td>422</td><td>scanned-pdf</td><td>pdf without a text layer</td></tr>
 * <tr><td>422</td><td>no-text</td><td>a valid docx/doc/mhtml without any text</td></tr>
 * <tr><td>422</td><td>timeout</td><td>extraction took longer than the reader's timeout</td></tr>
 * <tr><td>422</td><td>nested-archive, unsafe-path, corrupt-archive, encrypted-archive</td><td>SafeZip refusals</td></tr>
 * <tr><td>503</td><td>busy</td><td>too many abandoned (timed-out) workers still running</td></tr>
 * <tr><td>500</td><td>internal-error</td><td>a JVM error other than out-of-memory/stack overflow (a server fault)</td></tr>
 * </table>
 */
package tijian.ingest;
