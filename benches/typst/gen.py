"""Trims popdruk's template contexts (forms.json, from extract_context.py) to what pop.tera
uses and writes data.json, which pop.typ reads with json(). Not timed."""
import json
forms = json.load(open("forms.json"))
T = forms[0]["t"]
keys = ["pop_title","confidential","page","of","printed_on","identification","name","function","team",
        "hired","supervisor","coach","period","career","career_goal","analysis","strengths","improvements",
        "interests","my_matrix","matrix_intro","level_previous_note","task","level_previous","level_now",
        "level_target","wants_to_learn","not_deployable","team_needs","goals","goal","goal_task","origin",
        "action","support","responsible","deadline","follow_up","no_goals","follow_up_title","follow_up_intro",
        "date","notes","evaluation_title","evaluation_intro","result_behaald","result_deels_behaald",
        "result_niet_behaald","signing","agree","employee","signature"]
t = {k: T[k] for k in keys}
out = []
for c in forms:
    assert c["t"] == T and not c["blank"] and not c["org"]["logo"]
    e = c["employee"]
    out.append({
        "name": e["full_name"].strip(), "function": e["function"], "team": e["team"],
        "hired": e["hired"]["short"], "supervisor": e["supervisor"], "coach": e["coach"],
        "period": (c["period_from"]["short"] + " – " + c["period_to"]["short"]) if c["period_from"]["short"] else "",
        "career_goal": e["career_goal"], "strengths": e["strengths"], "improvements": e["improvements"],
        "interests": e["interests"], "previous_pop": c["previous_pop"]["short"],
        "matrix": [{k: r[k] for k in ("task","needed","not_deployable","previous","level","target","wants_to_learn")} for r in c["matrix"]],
        "needs": [{"message": n["message"], "reason": n["reason"]} for n in c["needs"]],
        "goals": [{"number": g["number"], "text": g["text"], "task": g["task"], "origin": g["origin"],
                   "result_key": g["result_key"],
                   "actions": [{"text": a["text"], "status": a["status"], "support": a["support"],
                                "responsible": a["responsible"], "deadline": a["deadline"]["short"],
                                "follow_up": a["follow_up"], "evaluation": a["evaluation"]} for a in g["actions"]]}
                  for g in c["goals"]],
        "follow_ups": [{"date": f["date"]["short"], "notes": f["notes"]} for f in c["follow_ups"]],
        "drawn_up": c["drawn_up"],
    })
org = forms[0]["org"]["name"]; today = forms[0]["today"]["short"]
assert all(c["org"]["name"] == org and c["today"]["short"] == today for c in forms)
json.dump({"t": t, "org": org, "today": today, "forms": out}, open("data.json", "w"), ensure_ascii=False)
print(len(out), "forms")
