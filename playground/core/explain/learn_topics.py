"""The Learn sidebar's topics: one idea of the course notes each, in short English texts.

Plain data, no Qt, so the texts can be translated and checked without a display: the sidebar passes
every string through `playground.core.i18n.tr`, and the catalogue tool collects them with
`strings_to_translate()` (titles, paragraphs, "Show me" sentences; the code stays as it is). The
tab names are marked with `N_` (they are the window's tab titles).

Each topic names its demo: `demo` is the suffix of a main-window method `demo_<demo>` that sets the
matching view up ("Show me"). The window may replace any of them with a better one later without
touching this file; when a window has no such method, the sidebar falls back to opening `tab`.

Notation in the texts: `W^[1]` is written with a superscript [1] and `e^{z}` with a superscript z;
lines of `code` are shown as code.
"""

from __future__ import annotations

from dataclasses import dataclass

from playground.core.i18n import N_


@dataclass(frozen=True)
class LearnTopic:
    key: str
    title: str
    paragraphs: tuple[str, ...]
    code: str  # a few lines of PyTorch that do what the text describes ("" for none)
    demo: str  # the main window's `demo_<demo>` method sets the demo up
    tab: str  # the centre tab that shows the idea (the fallback when the window has no demo method)
    show_me: str  # what "Show me" does, in one sentence


TOPICS: tuple[LearnTopic, ...] = (
    LearnTopic(
        key="layers",
        title="Layers and the W^[i] notation",
        paragraphs=(
            "A neural network is a stack of layers. The input layer only hands the data on, the hidden "
            "layers transform it, and the output layer gives the answer: here ten numbers, one per digit.",
            "A dense (fully connected) layer joins every input to every output. Layer i holds a weight "
            "matrix W^[i] and a bias vector b^[i]; the [i] says which layer a quantity belongs to. In the "
            "notes' SimpleNN, fc1 is layer 1: W^[1] is 128×784 (128 outputs, 784 inputs) and b^[1] holds "
            "128 numbers.",
            "Every block in the Network stack shows its output shape, its number of parameters and its "
            "W^[i] and b^[i] shapes. The Diagram draws the same network as columns of units.",
        ),
        code="# W^[1] 128×784, b^[1] 128\n"
             "self.fc1 = nn.Linear(28 * 28, 128)\n"
             "# W^[2] 64×128, b^[2] 64\n"
             "self.fc2 = nn.Linear(128, 64)\n"
             "# W^[3] 10×64, b^[3] 10\n"
             "self.fc3 = nn.Linear(64, 10)",
        demo="layers",
        tab=N_("Diagram"),
        show_me="Loads the notes' SimpleNN (seed-mlp), selects fc1 in the stack and opens the Diagram.",
    ),
    LearnTopic(
        key="forward",
        title="Forward propagation in a dense layer",
        paragraphs=(
            "Inference runs the input through the layers in order. A dense layer first takes a weighted "
            "sum of all its inputs plus a bias, z^[i] = W^[i]·a^[i−1] + b^[i], then applies its "
            "activation function, a^[i] = g(z^[i]). The image itself is a^[0]; the last a is the output.",
            "The weights decide how much each input matters; the bias shifts the sum, so a unit can respond "
            "even when its inputs are small.",
            "For inference PyTorch puts the model in evaluation mode and switches gradients off: "
            "nothing is learned, only computed.",
        ),
        code="model.eval()\n"
             "with torch.no_grad():\n"
             "    outputs = model(images)  # forward",
        demo="forward",
        tab=N_("Inside"),
        show_me="Puts a test digit on the canvas and opens Inside ▸ Forward pass, step by step: every z and a "
                "with the real numbers (an untrained network first trains for a moment).",
    ),
    LearnTopic(
        key="backprop",
        title="Backpropagation: how a network learns",
        paragraphs=(
            "Training compares the output with the true label through a loss function: cross-entropy for "
            "classification, mean squared error for regression. The cost is the average loss over the "
            "examples.",
            "Backpropagation applies the chain rule from the loss back through every layer and so finds the "
            "gradient ∂L/∂W of every weight. Gradient descent then moves each weight a small step against "
            "its gradient: W ← W − η·∂L/∂W, where η is the learning rate.",
            "In PyTorch, torch.autograd records the forward pass and differentiates it; each batch takes "
            "three lines.",
        ),
        code="optimizer.zero_grad()  # clear old ∂L/∂W\n"
             "outputs = model(images)\n"
             "loss = criterion(outputs, labels)\n"
             "loss.backward()   # backpropagation\n"
             "optimizer.step()  # W ← W − η·∂L/∂W",
        demo="backprop",
        tab=N_("Inside"),
        show_me="Opens Inside ▸ While it learns and trains a quarter of an epoch: the gradient of every "
                "layer is plotted as the loss falls.",
    ),
    LearnTopic(
        key="activations",
        title="Activation functions: which one where",
        paragraphs=(
            "Without a non-linear activation, stacked dense layers collapse into a single linear map: the "
            "whole network would be no more than linear regression. The activation g(z) lets it bend.",
            "Hidden layers: ReLU, max(0, z), is the default. It is cheap and learns quickly with gradient "
            "descent. Tanh (−1 to 1) and Leaky ReLU are worth a try.",
            "Output layer, by task: sigmoid for the probability of a yes (binary classification); linear, "
            "that is no activation, for a value that can be anything (regression, e.g. a change in price); "
            "ReLU for a value that cannot be negative (e.g. a house price); softmax for one class out of "
            "many.",
        ),
        code="x = F.relu(self.fc1(x))  # hidden: ReLU\n"
             "# output: raw scores; the loss\n"
             "# applies softmax itself\n"
             "x = self.fc3(x)",
        demo="activations",
        tab=N_("Diagram"),
        show_me="Selects the first activation layer in the Network stack: the form under the stack changes "
                "its kind, and the palette's Activation group lists them all.",
    ),
    LearnTopic(
        key="softmax",
        title="Softmax (one class) vs sigmoid (many labels)",
        paragraphs=(
            "Multi-class: exactly one answer out of K, such as which digit this is. Softmax turns the K "
            "outputs into probabilities, P(y = k | x) = e^{z_k} / Σ_j e^{z_j}: each between 0 and 1, all "
            "together 1. Its loss is cross-entropy, the negative log of the true class's probability.",
            "Multi-label: any number of answers at once; a news article can be about politics and the "
            "economy. Each label gets its own sigmoid and its own yes or no, so the probabilities need "
            "not add up to 1, and the loss is binary cross-entropy per label.",
        ),
        code="# one class out of K: softmax\n"
             "nn.CrossEntropyLoss()\n"
             "# several labels: a sigmoid each\n"
             "nn.BCEWithLogitsLoss()",
        demo="softmax",
        tab=N_("Draw"),
        show_me="Opens Draw with a test digit: the ten bars are the softmax probabilities, which add up "
                "to 1.",
    ),
    LearnTopic(
        key="adam",
        title="Adam vs plain gradient descent",
        paragraphs=(
            "Plain gradient descent moves every weight by the same fixed learning rate times its gradient. "
            "Too small a rate and it crawls; too large and it jumps about. It has no memory, so it "
            "zig-zags across narrow valleys and slows down near saddle points.",
            "Adam (adaptive moment estimation) keeps two running averages for every weight: of its "
            "gradient (momentum) and of the gradient's square. So each weight gets a step size of its "
            "own, and steps keep their direction through noisy gradients. Adam usually needs fewer epochs, "
            "copes with noisy and sparse gradients, and 0.001 is a good learning rate to start with: it "
            "is the usual default.",
        ),
        code="params = model.parameters()\n"
             "torch.optim.SGD(params, lr=0.01)\n"
             "torch.optim.Adam(params, lr=0.001)",
        demo="adam",
        tab=N_("Training curves"),
        show_me="Sets plain SGD with learning rate 0.01 and opens the Training curves: train, then Reset, "
                "choose Adam at 0.001 and train again to compare.",
    ),
    LearnTopic(
        key="conv",
        title="Convolution: kernel, stride, padding",
        paragraphs=(
            "A convolution layer slides small kernels (filters: 3×3 or 5×5 matrices of weights) over the "
            "image. At each position it takes the weighted sum of the window under the kernel; all the "
            "sums together form a feature map. Each kernel makes one output channel.",
            "The stride is how far the kernel moves each time: stride 2 halves the size of the map. "
            "Padding adds a border of zeros so the kernel can also sit on the edges: 'valid' (none) "
            "shrinks the map, 'same' keeps its size. Output size = ⌊(n + 2p − k) / s⌋ + 1.",
            "One kernel is used everywhere (shared weights) and looks at a small window (local "
            "connections), so a convolution needs far fewer weights than a dense layer and finds a pattern "
            "wherever it is. Early layers find edges and strokes, later ones whole shapes; pooling layers "
            "shrink the maps in between.",
        ),
        code="# 1×28×28 → 16×28×28\n"
             "nn.Conv2d(1, 16, kernel_size=5, padding=2)\n"
             "# → 16×14×14\n"
             "nn.MaxPool2d(2)",
        demo="conv",
        tab=N_("Inside"),
        show_me="Loads the small CNN, selects conv1 (its kernel, stride and padding are in the form) and "
                "shows its feature maps for a test digit on Inside (training for a moment first if needed).",
    ),
    LearnTopic(
        key="matrices",
        title="Matrix multiplication rules",
        paragraphs=(
            "A·B exists only when A has as many columns as B has rows: A (a×b) times B (b×c) gives "
            "C (a×c). Each entry is a row times a column: C[i][j] = A[i,:]·B[:,j].",
            "Order matters: A·B ≠ B·A in general, and one of them may not exist at all. The product is "
            "associative, A(BC) = (AB)C, and distributes over addition, A(B + C) = AB + AC. The transpose "
            "Aᵀ swaps rows and columns, and (AB)ᵀ = BᵀAᵀ.",
            "A dense layer is such a product: for a batch of inputs X, PyTorch computes X·Wᵀ + b.",
        ),
        code="C = torch.matmul(A, B)  # or A @ B\n"
             "A_T = A.t()  # the transpose",
        demo="matrices",
        tab=N_("Matrices"),
        show_me="Opens Matrices ▸ A·B step by step: edit A and B and step through C one cell at a time; "
                "the Laws tab checks each rule on the same numbers.",
    ),
    LearnTopic(
        key="tensors",
        title="Tensors: from scalars to stacks of matrices",
        paragraphs=(
            "PyTorch keeps all data in tensors, arrays with any number of axes. Rank 0 is a single number "
            "(a scalar), rank 1 a row of numbers (a vector), rank 2 a table (a matrix), rank 3 a stack of "
            "tables, such as a colour image: channels × height × width.",
            "A batch adds one axis in front: 64 MNIST digits are a tensor of shape 64×1×28×28. Flatten "
            "turns each 1×28×28 image into a vector of 784 numbers, which a dense layer can take.",
        ),
        code="torch.tensor(3.0).ndim  # 0: a scalar\n"
             "x = torch.zeros(64, 1, 28, 28)\n"
             "x.ndim  # 4: a batch of images",
        demo="tensors",
        tab=N_("Matrices"),
        show_me="Opens Matrices ▸ Tensors (rank 0–3): each rank with its shape and its PyTorch code.",
    ),
    LearnTopic(
        key="evaluation",
        title="Training vs test: evaluation and over-fitting",
        paragraphs=(
            "A model is judged on data it has never seen. The data is split: the training set (often 70 % "
            "or more) is used to learn the parameters, the test set only to measure how well the model "
            "generalises. MNIST comes split into 60,000 training and 10,000 test digits.",
            "A low training error with a high test error is over-fitting: the network has memorised its "
            "examples instead of learning the pattern. Watch both curves; when the test loss rises while "
            "the training loss keeps falling, stop, or regularise (dropout, weight decay, more data).",
            "For classification, compare the share of misclassified digits on both sets; the confusion "
            "matrix shows which classes get mixed up.",
        ),
        code="model.eval()\n"
             "with torch.no_grad():\n"
             "    guess = model(images).argmax(1)\n"
             "    correct += (guess == labels).sum()",
        demo="evaluation",
        tab=N_("Evaluation"),
        show_me="Opens Evaluation and classifies the whole test set: confusion matrix, accuracy per class and "
                "the most confidently wrong digits (an untrained network first trains a quarter of an epoch).",
    ),
    LearnTopic(
        key="saliency",
        title="Saliency: what the network looks at",
        paragraphs=(
            "A saliency map shows which pixels an answer depends on. Take the score of one class (the logit "
            "of a 3, say) and its gradient with respect to every pixel of the input: a large "
            "|∂ score / ∂ pixel| means that changing this pixel would change the score a lot. Drawn over "
            "the digit, the map lights up the strokes that matter.",
            "The plain gradient is quick but speckled. SmoothGrad adds a little random noise to the image "
            "many times and averages the gradients of the noisy copies: the speckle cancels out, the strokes "
            "stay.",
            "Grad-CAM needs a convolution layer. It weights each feature map of the last convolution layer "
            "by the mean gradient of the class score over that map, adds the maps up and keeps the positive "
            "part: a coarse picture of where in the image the evidence for the class lies.",
        ),
        code="x = image.clone().requires_grad_(True)\n"
             "score = model(x)[0, k]  # class k's logit\n"
             "score.backward()\n"
             "saliency = x.grad.abs()  # |∂score/∂x|",
        demo="saliency",
        tab=N_("Draw"),
        show_me="Opens Draw with a test digit and switches on “Show what it looks at”: SmoothGrad, or Grad-CAM "
                "for a network with a convolution layer (an untrained network first trains for a moment).",
    ),
    LearnTopic(
        key="fool_it",
        title="Adversarial examples: fooling the network",
        paragraphs=(
            "A network that classifies well can still be fooled by a change too small for a person to "
            "notice. Such an input is an adversarial example: every pixel moves only a little, but each one "
            "moves in the direction that hurts the network most.",
            "The fast gradient sign method (FGSM) finds that direction with a single gradient: the gradient "
            "of the loss with respect to the pixels, ∇ₓL. Only its sign is kept, so every pixel moves by the "
            "same small ε: x' = x + ε·sign(∇ₓL), clipped to the valid range 0 to 1.",
            "The smallest ε that changes the prediction measures how robust the answer is. Training on "
            "such examples as well (adversarial training) makes a network harder to fool.",
        ),
        code="x.requires_grad_(True)\n"
             "loss = F.cross_entropy(model(x), label)\n"
             "loss.backward()  # x.grad = ∇ₓL\n"
             "x_adv = x + eps * x.grad.sign()\n"
             "x_adv = x_adv.clamp(0, 1)",
        demo="fool_it",
        tab=N_("Fool it"),
        show_me="Puts a test digit on the canvas and opens Fool it: the smallest ε that changes the answer, "
                "with the changed digit and its probabilities (an untrained network first trains for a moment).",
    ),
    LearnTopic(
        key="projector",
        title="Projecting a layer: PCA and t-SNE",
        paragraphs=(
            "A hidden layer turns each digit into a long vector of numbers: 64 of them after fc2 in the "
            "notes' SimpleNN. To see how the layer arranges the digits, each vector becomes a point in 2-D, "
            "one point per test digit, coloured by its label.",
            "PCA (principal component analysis) finds the directions in which the vectors vary most: the "
            "first principal component is the direction of largest variance, the second the largest at "
            "right angles to it. Projecting onto these two keeps as much of the spread as two axes can. "
            "t-SNE keeps neighbours instead: digits that are close in the layer stay close in the picture, "
            "but the distances between clusters mean little.",
            "Before training the digits form one mixed cloud. As the network learns, the classes pull apart "
            "into clusters of their own: the layer has learned features that tell the digits apart. A digit "
            "that sits in another class's cluster is one the network is likely to get wrong.",
        ),
        code="feats = []  # fc2's output per batch\n"
             "model.fc2.register_forward_hook(\n"
             "    lambda m, i, out: feats.append(out))\n"
             "with torch.no_grad():\n"
             "    model(images)\n"
             "a = torch.cat(feats)  # N×64\n"
             "U, S, V = torch.pca_lowrank(a, q=2)\n"
             "points = (a - a.mean(0)) @ V  # N×2",
        demo="projector",
        tab=N_("Projector"),
        show_me="Opens the Projector: 2,000 test digits as points, placed by PCA of a layer's outputs; it follows "
                "the training, and t-SNE runs on demand (an untrained network first trains for a moment).",
    ),
)


def topic(key: str) -> LearnTopic:
    """The topic named `key`; KeyError if there is none."""
    for item in TOPICS:
        if item.key == key:
            return item
    raise KeyError(key)


def strings_to_translate() -> list[str]:
    """Every user-visible string of the topics, in order (for building translation files)."""
    out: list[str] = []
    for item in TOPICS:
        out += [item.title, *item.paragraphs, item.show_me]
    return out
