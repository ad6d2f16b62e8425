-- Replays pre-generated WeChat pushes (one per line: "path?query<TAB>body"), each once.
local pushes = {}
local next_index = 0

function init(args)
  for line in io.lines(args[1]) do
    pushes[#pushes + 1] = line
  end
end

function request()
  next_index = next_index % #pushes + 1
  local line = pushes[next_index]
  local tab = line:find("\t", 1, true)
  return wrk.format("POST", line:sub(1, tab - 1), { ["Content-Type"] = "text/xml" }, line:sub(tab + 1))
end
