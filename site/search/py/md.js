window.__dibaoSearch("py/md",{"md":["矛盾"],"mdjf":["矛盾纠纷"],"mdjfhj":["矛盾纠纷化解"]});
