module example.com/j

go 1.18
