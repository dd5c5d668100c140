package tijian.rules.safety;

/** Reading DRL and Java text the way their compilers do, keeping every character's line and column. */
public final class JavaText {
    private JavaText() {}

    /**
     * Java turns {@code \u0052} into {@code R} before it lexes anything, so an escape can spell a class name, end a
     * comment or close a string. A backslash escaped by another backslash does not start one. {@code origin} receives,
     * for each decoded character, its offset in the file, so that problems still point at the file's line.
     */
    static String decodeUnicodeEscapes(String s, int[] origin) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char ch = s.charAt(i);
            if (ch == '\\' && i + 1 < s.length() && s.charAt(i + 1) == 'u' && precedingBackslashes(s, i) % 2 == 0) {
                int j = i + 1;
                while (j < s.length() && s.charAt(j) == 'u') {
                    j++;
                }
                if (j + 4 <= s.length() && s.substring(j, j + 4).matches("[0-9a-fA-F]{4}")) {
                    origin[out.length()] = i;
                    out.append((char) Integer.parseInt(s.substring(j, j + 4), 16));
                    i = j + 4;
                    continue;
                }
            }
            origin[out.length()] = i;
            out.append(ch);
            i++;
        }
        return out.toString();
    }

    private static int precedingBackslashes(String s, int at) {
        int n = 0;
        for (int k = at - 1; k >= 0 && s.charAt(k) == '\\'; k--) {
            n++;
        }
        return n;
    }

    /**
     * The text with comments and string and character literals blanked out (newlines kept). A literal ends at its
     * closing quote or at the end of its line, whichever comes first: if a lexer thought a string went on, this
     * checks the rest as code — more, never less.
     */
    public static String code(String s) {
        char[] c = s.toCharArray();
        int i = 0;
        while (i < c.length) {
            char ch = c[i];
            if (ch == '/' && i + 1 < c.length && c[i + 1] == '/') {
                while (i < c.length && c[i] != '\n') {
                    c[i++] = ' ';
                }
            } else if (ch == '/' && i + 1 < c.length && c[i + 1] == '*') {
                c[i++] = ' ';
                c[i++] = ' ';
                while (i < c.length && !(c[i] == '*' && i + 1 < c.length && c[i + 1] == '/')) {
                    if (c[i] != '\n') {
                        c[i] = ' ';
                    }
                    i++;
                }
                for (int k = 0; k < 2 && i < c.length; k++) {
                    c[i++] = ' ';
                }
            } else if (ch == '"' || ch == '\'') {
                c[i++] = ' ';
                while (i < c.length && c[i] != ch && c[i] != '\n') {
                    if (c[i] == '\\' && i + 1 < c.length && c[i + 1] != '\n') {
                        c[i++] = ' ';
                    }
                    c[i++] = ' ';
                }
                if (i < c.length && c[i] == ch) {
                    c[i++] = ' ';
                }
            } else {
                i++;
            }
        }
        return new String(c);
    }

    /** The 1-based line of a character offset. */
    public static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    static int columnOf(String text, int offset) {
        int start = text.lastIndexOf('\n', offset - 1) + 1;
        return offset - start + 1;
    }
}
