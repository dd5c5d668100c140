package tijian.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import tijian.db.EmbeddedDatabaseResource;

@QuarkusTest
@QuarkusTestResource(value = EmbeddedDatabaseResource.class, restrictToAnnotatedClass = false)
class CheckResourceTest {
    @Test
    void checksPlainTextAndReadsItBack() {
        String id = given().contentType("text/plain; charset=UTF-8").body("关于2025年法治政府建设情况的报告")
                .when().post("/api/checks")
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("id", notNullValue())
                .extract().path("id");
        given().when().get("/api/checks/" + id).then().statusCode(200).body("id", equalTo(id));
    }
}
