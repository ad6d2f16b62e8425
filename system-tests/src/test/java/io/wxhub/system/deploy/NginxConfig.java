package io.wxhub.system.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Just enough of an nginx configuration parser for the tests: directives, their arguments
 * and their blocks, comments dropped.
 *
 * @param name the directive
 * @param args its arguments, quotes removed
 * @param block the directives of its block, or {@code null} for a simple directive
 */
record NginxConfig(String name, List<String> args, List<NginxConfig> block) {

	static NginxConfig parse(String text) {
		List<String> tokens = tokens(text);
		int[] position = { 0 };
		NginxConfig main = new NginxConfig("main", List.of(), directives(tokens, position));
		if (position[0] != tokens.size()) {
			throw new IllegalArgumentException("unbalanced } at token " + position[0]);
		}
		return main;
	}

	/** The directives of this block, and of every block within, that match. */
	List<NginxConfig> findAll(Predicate<NginxConfig> predicate) {
		List<NginxConfig> found = new ArrayList<>();
		if (this.block != null) {
			for (NginxConfig directive : this.block) {
				if (predicate.test(directive)) {
					found.add(directive);
				}
				found.addAll(directive.findAll(predicate));
			}
		}
		return found;
	}

	List<NginxConfig> findAll(String name) {
		return findAll((directive) -> directive.name().equals(name));
	}

	/** The directives of this block itself with that name. */
	List<NginxConfig> children(String name) {
		return (this.block != null) ? this.block.stream().filter((child) -> child.name().equals(name)).toList()
				: List.of();
	}

	String arg(int index) {
		return this.args.get(index);
	}

	private static List<NginxConfig> directives(List<String> tokens, int[] position) {
		List<NginxConfig> directives = new ArrayList<>();
		List<String> words = new ArrayList<>();
		while (position[0] < tokens.size()) {
			String token = tokens.get(position[0]++);
			switch (token) {
				case ";" -> {
					directives.add(new NginxConfig(words.get(0), List.copyOf(words.subList(1, words.size())), null));
					words.clear();
				}
				case "{" -> {
					List<NginxConfig> block = directives(tokens, position);
					directives.add(new NginxConfig(words.get(0), List.copyOf(words.subList(1, words.size())), block));
					words.clear();
				}
				case "}" -> {
					return directives;
				}
				default -> words.add(token);
			}
		}
		if (!words.isEmpty()) {
			throw new IllegalArgumentException("directive without ; : " + words);
		}
		return directives;
	}

	private static List<String> tokens(String text) {
		List<String> tokens = new ArrayList<>();
		StringBuilder word = new StringBuilder();
		int i = 0;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (c == '"' || c == '\'') {
				int end = text.indexOf(c, i + 1);
				tokens.add(text.substring(i + 1, end));
				i = end + 1;
				continue;
			}
			if (c == '#') {
				i = text.indexOf('\n', i);
				i = (i < 0) ? text.length() : i;
				continue;
			}
			if (Character.isWhitespace(c) || c == ';' || c == '{' || c == '}') {
				if (!word.isEmpty()) {
					tokens.add(word.toString());
					word.setLength(0);
				}
				if (!Character.isWhitespace(c)) {
					tokens.add(String.valueOf(c));
				}
			}
			else {
				word.append(c);
			}
			i++;
		}
		return tokens;
	}

}
