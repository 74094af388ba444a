//! BPMN 2.0 XML export: a pool with one lane per role, a task per step, sequence flows for `next`,
//! exclusive gateways where work branches (conditions on the outgoing flows) and where paths meet,
//! a start event for the trigger and an end event after each end step. It carries diagram
//! interchange (DI) coordinates from [`super::diagram::layout`], so the bpmn.io modeler and Camunda
//! Modeler open it laid out.
//!
//! Ids are generated (`Task_0`, `Flow_3`…), never taken from the document; every name is escaped.

use super::diagram::layout;
use crate::workflow::graph::Graph;
use crate::workflow::WorkflowDoc;
use flowguide_text::xml::escape;

const LANE_X: f64 = 30.0;
const LANE_H: f64 = 140.0;
const COL_W: f64 = 280.0;
const TASK_W: f64 = 140.0;
const TASK_H: f64 = 80.0;
const GW: f64 = 36.0;
const EV: f64 = 36.0;
const FIRST_X: f64 = 200.0;

/// A node of the BPMN process, with its DI bounds.
struct Node {
    id: String,
    xml: String,
    lane: usize,
    bounds: (f64, f64, f64, f64),
    is_gateway: bool,
}

struct Flow {
    id: String,
    from: String,
    to: String,
    name: Option<String>,
    /// A condition for flows leaving a splitting gateway.
    condition: Option<String>,
}

fn n(x: f64) -> String {
    super::diagram::px(x).to_string()
}

/// The BPMN 2.0 XML of a workflow.
// `i` indexes the steps, their cells, links and ends alike: an index loop reads best.
#[allow(clippy::needless_range_loop)]
pub fn xml(doc: &WorkflowDoc) -> String {
    let g = Graph::new(doc);
    let l = layout(&g);
    let steps = doc.steps.len();
    let lane_y = |lane: usize| lane as f64 * LANE_H;
    let task_xy = |i: usize| {
        let (lane, col) = l.cells[i];
        (FIRST_X + col as f64 * COL_W, lane_y(lane) + (LANE_H - TASK_H) / 2.0)
    };
    let mut nodes: Vec<Node> = Vec::new();
    let mut flows: Vec<Flow> = Vec::new();
    let mut flow = |from: &str, to: &str, name: Option<&str>, condition: Option<&str>| {
        let id = format!("Flow_{}", flows.len());
        flows.push(Flow {
            id,
            from: from.into(),
            to: to.into(),
            name: name.map(Into::into),
            condition: condition.map(Into::into),
        });
    };

    let start_name = doc
        .trigger
        .as_ref()
        .map(|t| t.description.trim())
        .filter(|d| !d.is_empty())
        .unwrap_or("Start");
    let start_y = lane_y(l.trigger_lane) + (LANE_H - EV) / 2.0;
    nodes.push(Node {
        id: "StartEvent_0".into(),
        xml: format!("<bpmn:startEvent id=\"StartEvent_0\" name=\"{}\"/>", escape(start_name)),
        lane: l.trigger_lane,
        bounds: (LANE_X + 60.0, start_y, EV, EV),
        is_gateway: false,
    });
    // Where flows into step i arrive: the step itself, or a joining gateway before it.
    let incoming: Vec<usize> = (0..steps).map(|i| g.pred[i].len() + usize::from(i == 0)).collect();
    let entry = |i: usize| {
        if incoming[i] > 1 {
            format!("Gateway_join_{i}")
        } else {
            format!("Task_{i}")
        }
    };
    for i in 0..steps {
        let (x, y) = task_xy(i);
        let lane = l.cells[i].0;
        let title = doc.steps[i].title.trim();
        nodes.push(Node {
            id: format!("Task_{i}"),
            xml: format!(
                "<bpmn:task id=\"Task_{i}\" name=\"{}\"/>",
                escape(if title.is_empty() { "(no title)" } else { title })
            ),
            lane,
            bounds: (x, y, TASK_W, TASK_H),
            is_gateway: false,
        });
        if incoming[i] > 1 {
            nodes.push(Node {
                id: format!("Gateway_join_{i}"),
                xml: format!("<bpmn:exclusiveGateway id=\"Gateway_join_{i}\"/>"),
                lane,
                bounds: (x - GW - 40.0, y + (TASK_H - GW) / 2.0, GW, GW),
                is_gateway: true,
            });
            flow(&format!("Gateway_join_{i}"), &format!("Task_{i}"), None, None);
        }
        let out = &g.succ[i];
        if out.len() > 1 {
            nodes.push(Node {
                id: format!("Gateway_split_{i}"),
                xml: format!(
                    "<bpmn:exclusiveGateway id=\"Gateway_split_{i}\" name=\"{}\"/>",
                    escape(&format!("{}?", title.trim_end_matches('?')))
                ),
                lane,
                bounds: (x + TASK_W + 40.0, y + (TASK_H - GW) / 2.0, GW, GW),
                is_gateway: true,
            });
            flow(&format!("Task_{i}"), &format!("Gateway_split_{i}"), None, None);
            for (k, e) in out.iter().enumerate() {
                let label = e
                    .when
                    .map(str::trim)
                    .map(String::from)
                    .unwrap_or_else(|| format!("option {}", k + 1));
                flow(&format!("Gateway_split_{i}"), &entry(e.to), Some(&label), Some(&label));
            }
        } else if let Some(e) = out.first() {
            flow(&format!("Task_{i}"), &entry(e.to), e.when, None);
        }
        if g.is_end[i] {
            let end_name = doc
                .outcome
                .as_ref()
                .map(|o| o.description.trim())
                .filter(|d| !d.is_empty())
                .unwrap_or("End");
            nodes.push(Node {
                id: format!("EndEvent_{i}"),
                xml: format!("<bpmn:endEvent id=\"EndEvent_{i}\" name=\"{}\"/>", escape(end_name)),
                lane,
                bounds: (x + TASK_W + 100.0, y + (TASK_H - EV) / 2.0, EV, EV),
                is_gateway: false,
            });
            flow(&format!("Task_{i}"), &format!("EndEvent_{i}"), None, None);
        }
    }
    if steps > 0 {
        flow("StartEvent_0", &entry(0), None, None);
    } else {
        nodes.push(Node {
            id: "EndEvent_empty".into(),
            xml: "<bpmn:endEvent id=\"EndEvent_empty\" name=\"End\"/>".into(),
            lane: 0,
            bounds: (LANE_X + 200.0, (LANE_H - EV) / 2.0, EV, EV),
            is_gateway: false,
        });
        flow("StartEvent_0", "EndEvent_empty", None, None);
    }

    let width = FIRST_X + l.columns.max(1) as f64 * COL_W + 120.0;
    let height = l.lanes.len().max(1) as f64 * LANE_H;
    let name = if doc.name.trim().is_empty() {
        "Workflow"
    } else {
        doc.name.trim()
    };
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" xmlns:bpmndi=\"http://www.omg.org/spec/BPMN/20100524/DI\" xmlns:dc=\"http://www.omg.org/spec/DD/20100524/DC\" xmlns:di=\"http://www.omg.org/spec/DD/20100524/DI\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" id=\"Definitions_0\" targetNamespace=\"https://flowguide.example/bpmn\" exporter=\"Flowguide\" exporterVersion=\"1\">\n");
    out.push_str(&format!(
        "  <bpmn:collaboration id=\"Collaboration_0\">\n    <bpmn:participant id=\"Participant_0\" name=\"{}\" processRef=\"Process_0\"/>\n  </bpmn:collaboration>\n",
        escape(name)
    ));
    out.push_str("  <bpmn:process id=\"Process_0\" isExecutable=\"false\">\n    <bpmn:laneSet id=\"LaneSet_0\">\n");
    let lanes = if l.lanes.is_empty() {
        vec!["Work".to_string()]
    } else {
        l.lanes.clone()
    };
    for (k, lane) in lanes.iter().enumerate() {
        out.push_str(&format!(
            "      <bpmn:lane id=\"Lane_{k}\" name=\"{}\">\n",
            escape(lane)
        ));
        for node in nodes.iter().filter(|nd| nd.lane == k) {
            out.push_str(&format!("        <bpmn:flowNodeRef>{}</bpmn:flowNodeRef>\n", node.id));
        }
        out.push_str("      </bpmn:lane>\n");
    }
    out.push_str("    </bpmn:laneSet>\n");
    for node in &nodes {
        // Each node lists its incoming and outgoing flows, as modelers write them.
        let ins: String = flows
            .iter()
            .filter(|f| f.to == node.id)
            .map(|f| format!("<bpmn:incoming>{}</bpmn:incoming>", f.id))
            .collect();
        let outs: String = flows
            .iter()
            .filter(|f| f.from == node.id)
            .map(|f| format!("<bpmn:outgoing>{}</bpmn:outgoing>", f.id))
            .collect();
        let xml = node.xml.strip_suffix("/>").map(|open| {
            let tag = open.split_whitespace().next().unwrap_or("").trim_start_matches('<');
            format!("{open}>{ins}{outs}</{tag}>")
        });
        out.push_str(&format!("    {}\n", xml.unwrap_or_else(|| node.xml.clone())));
    }
    for f in &flows {
        let name = f
            .name
            .as_deref()
            .map(|nm| format!(" name=\"{}\"", escape(nm)))
            .unwrap_or_default();
        match &f.condition {
            Some(c) => out.push_str(&format!(
                "    <bpmn:sequenceFlow id=\"{}\" sourceRef=\"{}\" targetRef=\"{}\"{name}><bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\">{}</bpmn:conditionExpression></bpmn:sequenceFlow>\n",
                f.id,
                f.from,
                f.to,
                escape(c)
            )),
            None => out.push_str(&format!("    <bpmn:sequenceFlow id=\"{}\" sourceRef=\"{}\" targetRef=\"{}\"{name}/>\n", f.id, f.from, f.to)),
        }
    }
    out.push_str("  </bpmn:process>\n");
    // Diagram interchange.
    out.push_str("  <bpmndi:BPMNDiagram id=\"BPMNDiagram_0\">\n    <bpmndi:BPMNPlane id=\"BPMNPlane_0\" bpmnElement=\"Collaboration_0\">\n");
    let shape = |id: &str, (x, y, w, h): (f64, f64, f64, f64), extra: &str| {
        format!("      <bpmndi:BPMNShape id=\"{id}_di\" bpmnElement=\"{id}\"{extra}><dc:Bounds x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/></bpmndi:BPMNShape>\n", n(x), n(y), n(w), n(h))
    };
    out.push_str(&shape(
        "Participant_0",
        (0.0, 0.0, width, height),
        " isHorizontal=\"true\"",
    ));
    for k in 0..lanes.len() {
        out.push_str(&shape(
            &format!("Lane_{k}"),
            (LANE_X, lane_y(k), width - LANE_X, LANE_H),
            " isHorizontal=\"true\"",
        ));
    }
    for node in &nodes {
        out.push_str(&shape(
            &node.id,
            node.bounds,
            if node.is_gateway {
                " isMarkerVisible=\"true\""
            } else {
                ""
            },
        ));
    }
    let bounds = |id: &str| {
        nodes
            .iter()
            .find(|nd| nd.id == id)
            .map(|nd| nd.bounds)
            .unwrap_or((0.0, 0.0, 0.0, 0.0))
    };
    for f in &flows {
        let (ax, ay, aw, ah) = bounds(&f.from);
        let (bx, by, _, bh) = bounds(&f.to);
        let (x1, y1, x2, y2) = (ax + aw, ay + ah / 2.0, bx, by + bh / 2.0);
        let points: Vec<(f64, f64)> = if x2 > x1 {
            let mid = (x1 + x2) / 2.0;
            vec![(x1, y1), (mid, y1), (mid, y2), (x2, y2)]
        } else {
            // Back to an earlier column: leave from the bottom, run below, come up into the target.
            let below = (ay + ah).max(by + bh) + 20.0;
            let (sx, tx) = (ax + aw / 2.0, bx + bounds(&f.to).2 / 2.0);
            vec![(sx, ay + ah), (sx, below), (tx, below), (tx, by + bh)]
        };
        let mut points = points;
        points.dedup();
        out.push_str(&format!(
            "      <bpmndi:BPMNEdge id=\"{}_di\" bpmnElement=\"{}\">",
            f.id, f.id
        ));
        for (x, y) in points {
            out.push_str(&format!("<di:waypoint x=\"{}\" y=\"{}\"/>", n(x), n(y)));
        }
        out.push_str("</bpmndi:BPMNEdge>\n");
    }
    out.push_str("    </bpmndi:BPMNPlane>\n  </bpmndi:BPMNDiagram>\n</bpmn:definitions>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workflow::parse;

    #[test]
    fn branches_become_gateways_with_conditions() {
        let xml = xml(&parse(include_str!("../../tests/data/expense.json")).unwrap());
        assert!(xml.contains("<bpmn:lane id=\"Lane_1\" name=\"Line manager\">"));
        assert!(xml.contains("<bpmn:task id=\"Task_0\" name=\"Review the claim against the expense policy\">"));
        assert!(xml.contains("<bpmn:exclusiveGateway id=\"Gateway_split_0\""));
        assert!(xml.contains("name=\"approved\"><bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\">approved</bpmn:conditionExpression>"));
        // Review is reached from the start and from the fix loop: a joining gateway merges them.
        assert!(xml.contains("<bpmn:exclusiveGateway id=\"Gateway_join_0\">"));
        assert!(
            xml.contains("<bpmn:endEvent id=\"EndEvent_2\" name=\"The employee is reimbursed for valid expenses\">")
        );
        assert!(xml.contains("<bpmndi:BPMNShape id=\"Task_0_di\" bpmnElement=\"Task_0\">"));
        // Every flow has a DI edge, every node a DI shape.
        assert_eq!(
            xml.matches("<bpmn:sequenceFlow ").count(),
            xml.matches("<bpmndi:BPMNEdge ").count()
        );
    }

    #[test]
    fn every_reference_points_at_an_element_that_exists() {
        for json in [
            include_str!("../../tests/data/expense.json"),
            r#"{"format":"flowguide/workflow","version":1}"#,
        ] {
            let xml = xml(&parse(json).unwrap());
            let ids: Vec<&str> = xml
                .split(" id=\"")
                .skip(1)
                .map(|s| s.split('"').next().unwrap())
                .collect();
            for attr in ["sourceRef=\"", "targetRef=\"", "bpmnElement=\"", "processRef=\""] {
                for r in xml.split(attr).skip(1).map(|s| s.split('"').next().unwrap()) {
                    assert!(ids.contains(&r), "{attr}{r} points nowhere");
                }
            }
            let mut unique = ids.clone();
            unique.sort_unstable();
            unique.dedup();
            assert_eq!(unique.len(), ids.len(), "ids are unique");
        }
    }

    #[test]
    fn names_are_escaped() {
        let doc = parse(r#"{"format":"flowguide/workflow","version":1,"name":"A & B","steps":[{"id":"x","title":"<b>\"Review\"</b>"}]}"#).unwrap();
        let xml = xml(&doc);
        assert!(xml.contains("name=\"&lt;b&gt;&quot;Review&quot;&lt;/b&gt;\""));
        assert!(xml.contains("name=\"A &amp; B\""));
    }
}
