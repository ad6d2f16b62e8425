package io.wxhub.system.monitoring;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a PromQL expression reads: its vector selectors and the labels its groupings name
 * ({@code by}, {@code without}, {@code on}, {@code ignoring}, {@code group_left},
 * {@code group_right}). It expects the text Prometheus's own formatter prints
 * ({@code /api/v1/format_query}), which has already parsed and validated the expression:
 * keywords in lower case, aggregations' groupings before their argument, no comments.
 * From there a scan suffices: string literals and range brackets are skipped, a name
 * followed by {@code (} is a function or an aggregation, a name followed by matchers or
 * standing alone is a metric.
 */
record PromQl(List<Selector> selectors, Set<String> groupingLabels) {

	private static final Set<String> GROUPINGS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right");

	private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "inf", "nan", "atan2");

	/**
	 * A vector selector: a metric name (empty for a bare matcher set) and its matchers.
	 */
	record Selector(String metric, String matchers) {

		/** The selector as PromQL, for {@code match[]} of the series API. */
		String text() {
			return this.metric + this.matchers;
		}

	}

	static PromQl read(String formatted) {
		List<Selector> selectors = new ArrayList<>();
		Set<String> labels = new LinkedHashSet<>();
		String s = formatted;
		int i = 0;
		while (i < s.length()) {
			char c = s.charAt(i);
			if (c == '"' || c == '\'' || c == '`') {
				i = afterString(s, i);
			}
			else if (c == '[') {
				i = s.indexOf(']', i) + 1;
			}
			else if (c == '{') {
				int end = closingBrace(s, i);
				selectors.add(new Selector("", s.substring(i, end + 1)));
				i = end + 1;
			}
			else if (Character.isDigit(c) || (c == '.' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1)))) {
				i = afterNumber(s, i);
			}
			else if (Character.isLetter(c) || c == '_' || c == ':') {
				int end = i;
				while (end < s.length() && isNamePart(s.charAt(end))) {
					end++;
				}
				String word = s.substring(i, end);
				int next = skipSpaces(s, end);
				// a function's arguments follow, or an aggregation's grouping and
				// argument
				boolean call = next < s.length() && s.charAt(next) == '(';
				call = call || Set.of("by", "without").contains(wordAt(s, next));
				if (GROUPINGS.contains(word)) {
					if (call) {
						int close = s.indexOf(')', next);
						for (String label : s.substring(next + 1, close).split(",")) {
							if (!label.isBlank()) {
								labels.add(label.strip());
							}
						}
						end = close + 1;
					}
				}
				else if (KEYWORDS.contains(word.toLowerCase()) || call) {
					// an operator, or a function or aggregation whose arguments follow
				}
				else if (next < s.length() && s.charAt(next) == '{') {
					int close = closingBrace(s, next);
					selectors.add(new Selector(word, s.substring(next, close + 1)));
					end = close + 1;
				}
				else {
					selectors.add(new Selector(word, ""));
				}
				i = end;
			}
			else {
				i++;
			}
		}
		return new PromQl(List.copyOf(selectors), Set.copyOf(labels));
	}

	private static boolean isNamePart(char c) {
		return Character.isLetterOrDigit(c) || c == '_' || c == ':';
	}

	private static String wordAt(String s, int from) {
		int end = from;
		while (end < s.length() && isNamePart(s.charAt(end))) {
			end++;
		}
		return s.substring(from, end);
	}

	private static int skipSpaces(String s, int from) {
		int i = from;
		while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
			i++;
		}
		return i;
	}

	/** After a number: digits and a point, an exponent, or a duration's units. */
	private static int afterNumber(String s, int from) {
		int i = from;
		while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '.')) {
			char c = s.charAt(i);
			i++;
			if ((c == 'e' || c == 'E') && i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
				i++;
			}
		}
		return i;
	}

	private static int afterString(String s, int from) {
		char quote = s.charAt(from);
		int i = from + 1;
		while (i < s.length() && s.charAt(i) != quote) {
			i += (s.charAt(i) == '\\' && quote != '`') ? 2 : 1;
		}
		return i + 1;
	}

	private static int closingBrace(String s, int from) {
		int i = from + 1;
		while (s.charAt(i) != '}') {
			char c = s.charAt(i);
			i = (c == '"' || c == '\'' || c == '`') ? afterString(s, i) : i + 1;
		}
		return i;
	}

}
