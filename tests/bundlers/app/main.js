import init, { assess } from "tuopin";
import "tuopin/element"; // defines <tuopin-assessment>
import household from "./household.json";

init().then(() => {
  const report = assess(household, { asOf: "2019-12-31", lang: "en" });
  document.querySelector("#verdict").textContent = `${report.exit.verdict} (${report.exit.blocking.join(", ")})`;
});
