window.__dibaoSearch("py/ma",{"manyi":["满意"],"manyidu":["满意度"],"maodun":["矛盾"],"maodunjiufen":["矛盾纠纷"],"maodunjiufenhuajie":["矛盾纠纷化解"],"mayan":["马艳"]});
