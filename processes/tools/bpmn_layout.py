#!/usr/bin/env python3
"""Writes the BPMN diagram (DI) of a hand-written model from a grid of positions.

The semantic XML is the source of truth and stays hand-written (ids as names, documentation, Camunda extensions);
this tool only draws it, so Cockpit and the Modeler show a readable picture. Usage:

    python3 tools/bpmn_layout.py src/main/resources/bpmn/emergency-brake.bpmn tools/emergency-brake.layout

A layout file has one line per flow node: `<element id> <column> <row>` (blank lines and # comments allowed).
Boundary events sit on their host; expanded subprocesses are drawn around their children.
"""
import re
import sys
import xml.etree.ElementTree as ET

NS = {
    "bpmn": "http://www.omg.org/spec/BPMN/20100524/MODEL",
    "bpmndi": "http://www.omg.org/spec/BPMN/20100524/DI",
    "dc": "http://www.omg.org/spec/DD/20100524/DC",
    "di": "http://www.omg.org/spec/DD/20100524/DI",
}
B = "{%s}" % NS["bpmn"]
COL_W, ROW_H, X0, Y0 = 150, 120, 100, 100
TASKS = {"task", "serviceTask", "userTask", "receiveTask", "businessRuleTask", "sendTask", "scriptTask", "callActivity"}
EVENTS = {"startEvent", "endEvent", "intermediateCatchEvent", "intermediateThrowEvent", "boundaryEvent"}
GATEWAYS = {"exclusiveGateway", "eventBasedGateway", "parallelGateway", "inclusiveGateway"}


def local(tag):
    return tag.split("}", 1)[1]


def main(bpmn_path, layout_path):
    for prefix, uri in NS.items():
        ET.register_namespace(prefix, uri)
    grid = {}
    for line in open(layout_path, encoding="utf-8"):
        line = line.split("#", 1)[0].strip()
        if line:
            ident, col, row = line.split()
            grid[ident] = (float(col), float(row))

    text = open(bpmn_path, encoding="utf-8").read()
    text = re.sub(r"\s*<bpmndi:BPMNDiagram.*</bpmndi:BPMNDiagram>", "", text, flags=re.S)
    root = ET.fromstring(text)
    process = root.find("bpmn:process", NS)

    shapes = {}  # id -> (x, y, w, h, kind)
    nodes, flows, boundaries, subprocesses = {}, [], [], []

    def walk(container):
        for el in container:
            kind = local(el.tag)
            ident = el.get("id")
            if kind == "sequenceFlow":
                flows.append(el)
            elif kind == "subProcess":
                subprocesses.append(el)
                nodes[ident] = el
                walk(el)
            elif kind == "boundaryEvent":
                boundaries.append(el)
                nodes[ident] = el
            elif kind in TASKS or kind in EVENTS or kind in GATEWAYS:
                nodes[ident] = el

    walk(process)

    for ident, el in nodes.items():
        kind = local(el.tag)
        if kind in ("subProcess", "boundaryEvent"):
            continue
        if ident not in grid:
            sys.exit("no grid position for " + ident)
        col, row = grid[ident]
        cx, cy = X0 + col * COL_W, Y0 + row * ROW_H
        w, h = (100, 80) if kind in TASKS else (36, 36) if kind in EVENTS else (50, 50)
        shapes[ident] = (cx - w / 2, cy - h / 2, w, h, kind)

    # innermost subprocesses first, so an outer one can wrap an inner one
    def depth(el):
        return len([1 for c in el.iter() if local(c.tag) == "subProcess"])

    for sub in sorted(subprocesses, key=depth):
        kids = [c.get("id") for c in sub if c.get("id") in shapes]
        xs = [shapes[k][0] for k in kids] + [shapes[k][0] + shapes[k][2] for k in kids]
        ys = [shapes[k][1] for k in kids] + [shapes[k][1] + shapes[k][3] for k in kids]
        pad = 30
        x, y = min(xs) - pad, min(ys) - pad - 10
        shapes[sub.get("id")] = (x, y, max(xs) - x + pad, max(ys) + pad + 20 - y, "subProcess")

    per_host = {}
    for b in boundaries:
        host = b.get("attachedToRef")
        hx, hy, hw, hh, _ = shapes[host]
        n = per_host.get(host, 0)
        per_host[host] = n + 1
        shapes[b.get("id")] = (hx + hw - 36 - n * 44, hy + hh - 18, 36, 36, "boundaryEvent")

    def right(s):
        return s[0] + s[2], s[1] + s[3] / 2

    def left(s):
        return s[0], s[1] + s[3] / 2

    def centre(s):
        return s[0] + s[2] / 2, s[1] + s[3] / 2

    di = ET.Element("{%s}BPMNDiagram" % NS["bpmndi"], {"id": "BPMNDiagram_" + process.get("id")})
    plane = ET.SubElement(di, "{%s}BPMNPlane" % NS["bpmndi"],
                          {"id": "BPMNPlane_" + process.get("id"), "bpmnElement": process.get("id")})
    for ident, (x, y, w, h, kind) in shapes.items():
        attrs = {"id": ident + "_di", "bpmnElement": ident}
        if kind == "subProcess":
            attrs["isExpanded"] = "true"
        if kind in ("exclusiveGateway",):
            attrs["isMarkerVisible"] = "true"
        shape = ET.SubElement(plane, "{%s}BPMNShape" % NS["bpmndi"], attrs)
        ET.SubElement(shape, "{%s}Bounds" % NS["dc"], {"x": fmt(x), "y": fmt(y), "width": fmt(w), "height": fmt(h)})
        if kind in EVENTS or kind in GATEWAYS:
            label = ET.SubElement(shape, "{%s}BPMNLabel" % NS["bpmndi"])
            ET.SubElement(label, "{%s}Bounds" % NS["dc"],
                          {"x": fmt(x + w / 2 - 50), "y": fmt(y + h + 4), "width": "100", "height": "27"})

    for flow in flows:
        s, t = shapes[flow.get("sourceRef")], shapes[flow.get("targetRef")]
        points = route(s, t, right, left, centre)
        edge = ET.SubElement(plane, "{%s}BPMNEdge" % NS["bpmndi"],
                             {"id": flow.get("id") + "_di", "bpmnElement": flow.get("id")})
        for px, py in points:
            ET.SubElement(edge, "{%s}waypoint" % NS["di"], {"x": fmt(px), "y": fmt(py)})

    ET.indent(di, space="  ", level=1)
    xml = ET.tostring(di, encoding="unicode")
    for prefix, uri in NS.items():
        xml = xml.replace("{%s}" % uri, prefix + ":")
    xml = re.sub(r' xmlns:\w+="[^"]+"', "", xml)
    out = text.replace("</bpmn:definitions>", "  " + xml + "\n</bpmn:definitions>")
    open(bpmn_path, "w", encoding="utf-8").write(out)


def route(s, t, right, left, centre):
    sx, sy = centre(s)
    tx, ty = centre(t)
    if s[4] == "boundaryEvent":
        start = (sx, s[1] + s[3])
        if t[0] > sx:
            return [start, (sx, ty), left(t)]
        below = max(s[1] + s[3], t[1] + t[3]) + 20
        return [start, (sx, below), (tx, below), (tx, t[1] + t[3])]
    if t[0] >= s[0] + s[2]:  # forward
        a, b = right(s), left(t)
        if abs(a[1] - b[1]) < 1:
            return [a, b]
        if s[4] in ("exclusiveGateway", "eventBasedGateway", "parallelGateway", "inclusiveGateway"):
            edge = (sx, s[1] + s[3]) if ty > sy else (sx, s[1])
            return [edge, (sx, ty), b]
        if t[4] in ("exclusiveGateway", "eventBasedGateway", "parallelGateway", "inclusiveGateway"):
            edge = (tx, t[1] + t[3]) if sy > ty else (tx, t[1])
            return [a, (tx, sy), edge]
        mid = (a[0] + b[0]) / 2
        return [a, (mid, a[1]), (mid, b[1]), b]
    # backward or stacked: go round underneath
    below = max(s[1] + s[3], t[1] + t[3]) + 25
    return [(sx, s[1] + s[3]), (sx, below), (tx, below), (tx, t[1] + t[3])]


def fmt(v):
    return str(int(round(v)))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
