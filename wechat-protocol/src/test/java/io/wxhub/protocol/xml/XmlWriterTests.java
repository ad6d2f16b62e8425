package io.wxhub.protocol.xml;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class XmlWriterTests {

	@ParameterizedTest
	@CsvSource({ "Content,Content", "item[0],item", "item[12],item", "_x-1,_x-1", "Location_X,Location_X" })
	void readsTheElementNameOfAPathSegment(String segment, String name) {
		assertThat(XmlWriter.elementName(segment)).isEqualTo(name);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "1abc", "-a", "Bad Name", "a[]", "a[x]", "a[1", "a1]", "[1]", "a[1][2]", "a.b", "é" })
	void refusesSegmentsThatAreNotElementNames(String segment) {
		assertThat(XmlWriter.elementName(segment)).isNull();
	}

}
