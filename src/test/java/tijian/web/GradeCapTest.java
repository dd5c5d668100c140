package tijian.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.io.IOException;
import java.io.InputStream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import tijian.db.EmbeddedDatabaseResource;

/** Why a grade is lower than its score is part of the answer: 关坝镇 scores 86.0 (良好) but two mandatory items fail. */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedDatabaseResource.class, restrictToAnnotatedClass = false)
class GradeCapTest {
    static byte[] sample(String name) throws IOException {
        try (InputStream in = GradeCapTest.class.getResourceAsStream("/reports/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void twoMandatoryFailuresCapTheGradeAndSaySo() throws IOException {
        var check = given().contentType("text/plain; charset=UTF-8").body(sample("guanba-town-2025.txt")).post("/api/checks")
                .then().statusCode(200);
        // (another test may switch JSON numbers to doubles for the whole suite)
        org.junit.jupiter.api.Assertions.assertEquals(86.0, check.extract().jsonPath().getDouble("score"), 1e-9);
        check.body("grade", equalTo("合格"))
                .body("gradeCap.scoreGrade", equalTo("良好")).body("gradeCap.grade", equalTo("合格"))
                .body("gradeCap.mandatoryFailures", equalTo(2))
                .body("gradeCap.explanation", equalTo("2 项必查项不通过，等级封顶为合格"))
                .body("gradeCap.items.title", contains("百分比不超过100%", "分析不足的原因"));
    }

    @Test
    void noCapWhenNoMandatoryItemFails() throws IOException {
        given().contentType("text/plain; charset=UTF-8").body(sample("shapingba-street-2025.txt")).post("/api/checks")
                .then().statusCode(200).body("grade", equalTo("优秀")).body("gradeCap", nullValue());
    }
}
