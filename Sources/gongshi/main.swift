print("gongshi")
